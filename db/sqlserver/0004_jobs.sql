-- Scheduled jobs (issue 5): the deadline flags, the reminders already sent, the outbox of notifications and the
-- record of every job run. All of a job's state lives here, so the scheduler itself keeps none (in-memory store):
-- every job is an idempotent command, and the unique keys below are what make two nodes safe.

-- An expected item whose due day ended (in the deployment's zone) with nothing recorded. One row per item: the
-- key is the item, so a second sweep, or a second node, cannot flag it twice. A record logged later resolves the
-- flag (ResolvedOn = the day it was recorded): the item is then Late.
CREATE TABLE dbo.MissedFlags (
    OfficeId       bigint      NOT NULL CONSTRAINT FK_MissedFlags_Office REFERENCES dbo.Offices (Id),
    FiscalYear     varchar(9)  NOT NULL,
    Quarter        int         NOT NULL,
    IndicatorCode  varchar(20) NOT NULL,
    DueOn          date        NOT NULL,
    FlaggedAtUtc   datetime2   NOT NULL,
    ResolvedOn     date        NULL,
    CONSTRAINT PK_MissedFlags PRIMARY KEY (OfficeId, FiscalYear, Quarter, IndicatorCode)
);
CREATE INDEX IX_MissedFlags_ResolvedOn ON dbo.MissedFlags (ResolvedOn);

-- Who was told what about which item: a (recipient, item, kind) is sent once, ever. Inserted in the same transaction
-- as the outbox message that carries it; a unique violation means another node got there first.
CREATE TABLE dbo.NotificationsSent (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_NotificationsSent PRIMARY KEY,
    UserId         bigint      NOT NULL CONSTRAINT FK_NotificationsSent_User REFERENCES dbo.Users (Id),
    OfficeId       bigint      NOT NULL CONSTRAINT FK_NotificationsSent_Office REFERENCES dbo.Offices (Id),
    FiscalYear     varchar(9)  NOT NULL,
    Quarter        int         NOT NULL,
    IndicatorCode  varchar(20) NOT NULL,
    Kind           varchar(30) NOT NULL,
    SentAtUtc      datetime2   NOT NULL,
    CONSTRAINT UQ_NotificationsSent UNIQUE (UserId, OfficeId, FiscalYear, Quarter, IndicatorCode, Kind)
);

-- One message per recipient per run (a digest). The rows are also the user's in-app notification list; Email is the
-- address when the message was written (NULL: in-app only). NextAttemptAtUtc is set while email delivery is owed
-- and NULL once sent or given up (FailedPermanently).
CREATE TABLE dbo.Outbox (
    Id                 bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Outbox PRIMARY KEY,
    UserId             bigint         NOT NULL CONSTRAINT FK_Outbox_User REFERENCES dbo.Users (Id),
    Email              nvarchar(200)  NULL,
    Subject            nvarchar(300)  NOT NULL,
    Body               nvarchar(max)  NOT NULL,
    CreatedAtUtc       datetime2      NOT NULL,
    Attempts           int            NOT NULL CONSTRAINT DF_Outbox_Attempts DEFAULT 0,
    NextAttemptAtUtc   datetime2      NULL,
    SentAtUtc          datetime2      NULL,
    LastError          nvarchar(2000) NULL,
    FailedPermanently  bit            NOT NULL CONSTRAINT DF_Outbox_FailedPermanently DEFAULT 0
);
CREATE INDEX IX_Outbox_UserId ON dbo.Outbox (UserId, Id);
CREATE INDEX IX_Outbox_NextAttempt ON dbo.Outbox (NextAttemptAtUtc);

-- Every run of every job, scheduled or asked for: one row per attempt; a retry names the attempt it retries.
CREATE TABLE dbo.JobRuns (
    Id              bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_JobRuns PRIMARY KEY,
    JobName         varchar(100)   NOT NULL,
    TriggeredAtUtc  datetime2      NOT NULL,
    StartedAtUtc    datetime2      NULL,
    FinishedAtUtc   datetime2      NULL,
    Status          varchar(20)    NOT NULL,
    Processed       int            NULL,
    Error           nvarchar(2000) NULL,
    Attempt         int            NOT NULL CONSTRAINT DF_JobRuns_Attempt DEFAULT 1,
    RetryOfRunId    bigint         NULL CONSTRAINT FK_JobRuns_RetryOf REFERENCES dbo.JobRuns (Id),
    Node            nvarchar(200)  NULL
);
CREATE INDEX IX_JobRuns_JobName ON dbo.JobRuns (JobName, Id);
CREATE INDEX IX_JobRuns_RetryOfRunId ON dbo.JobRuns (RetryOfRunId);
