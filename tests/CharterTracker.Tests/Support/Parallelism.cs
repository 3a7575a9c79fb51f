// Fixtures run side by side: each test app has its own loopback port, SQLite file, keys, evidence folder and job
// storage, so two fixtures share nothing but the machine, and most of a test's time is spent waiting on I/O. Fixtures
// that time things, kill processes or drive Chromium say [NonParallelizable] and run on their own.
[assembly: NUnit.Framework.Parallelizable(NUnit.Framework.ParallelScope.Fixtures)]
[assembly: NUnit.Framework.LevelOfParallelism(3)]
