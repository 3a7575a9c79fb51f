-- Job runs now live in Hangfire's job storage (issue 13): one record of each run, the one the API, the admin pages
-- and Hangfire's dashboard all read. The runs recorded here under Quartz are not carried over.
DROP INDEX IX_JobRuns_RetryOfRunId;
DROP INDEX IX_JobRuns_JobName;
DROP TABLE JobRuns;
