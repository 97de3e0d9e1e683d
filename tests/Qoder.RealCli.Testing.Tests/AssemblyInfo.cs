// Each real CLI needs about 0.7 GB and most of a core while starting; run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
