// The tests check the test process's child processes by PID, so apps must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
