pending_test("waits forever");
