// Squares what it receives and says which worker did it.
onmessage = (event) => {
  const { n } = event.data;
  postMessage({ n, square: n * n, thread: self.name });
};
