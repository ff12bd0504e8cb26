// Sends the numbers 1..count to the main script, then "done".
onmessage = (event) => {
  for (let n = 1; n <= event.data.count; n++) postMessage({ n, from: self.name });
  postMessage("done");
};
