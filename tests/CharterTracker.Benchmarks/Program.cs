using BenchmarkDotNet.Running;
using CharterTracker.Benchmarks;

// dotnet run -c Release -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(OfficeTreeBenchmarks).Assembly).Run(args);
