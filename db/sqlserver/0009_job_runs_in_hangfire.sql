-- Job runs now live in Hangfire's job storage (issue 13): one record of each run, the one the API, the admin pages
-- and Hangfire's dashboard all read. The runs recorded here under Quartz are not carried over. Hangfire's own tables
-- (schema HangFire) are installed by the migrate verb through Hangfire's installer, not by a script here: they follow
-- Hangfire's versions, not ours.
DROP INDEX IX_JobRuns_RetryOfRunId ON dbo.JobRuns;
DROP INDEX IX_JobRuns_JobName ON dbo.JobRuns;
DROP TABLE dbo.JobRuns;
