// The matrix counts child processes, open descriptors and temp files, and runs 100 MiB streams on a 2-core
// machine: one test at a time keeps those counts exact and the timings sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
