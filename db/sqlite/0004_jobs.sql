-- Scheduled jobs (issue 5): the deadline flags, the reminders already sent, the outbox of notifications and the
-- record of every job run. All of a job's state lives here, so the scheduler itself keeps none (in-memory store):
-- every job is an idempotent command, and the unique keys below are what make two nodes safe.

-- An expected item whose due day ended (in the deployment's zone) with nothing recorded. One row per item: the
-- key is the item, so a second sweep, or a second node, cannot flag it twice. A record logged later resolves the
-- flag (ResolvedOn = the day it was recorded): the item is then Late.
CREATE TABLE MissedFlags (
    OfficeId       INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear     TEXT    NOT NULL,
    Quarter        INTEGER NOT NULL,
    IndicatorCode  TEXT    NOT NULL,
    DueOn          TEXT    NOT NULL,
    FlaggedAtUtc   TEXT    NOT NULL,
    ResolvedOn     TEXT    NULL,
    PRIMARY KEY (OfficeId, FiscalYear, Quarter, IndicatorCode)
);
CREATE INDEX IX_MissedFlags_ResolvedOn ON MissedFlags (ResolvedOn);

-- Who was told what about which item: a (recipient, item, kind) is sent once, ever. Inserted in the same transaction
-- as the outbox message that carries it; a unique violation means another node got there first.
CREATE TABLE NotificationsSent (
    Id             INTEGER PRIMARY KEY,
    UserId         INTEGER NOT NULL REFERENCES Users (Id),
    OfficeId       INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear     TEXT    NOT NULL,
    Quarter        INTEGER NOT NULL,
    IndicatorCode  TEXT    NOT NULL,
    Kind           TEXT    NOT NULL,
    SentAtUtc      TEXT    NOT NULL,
    CONSTRAINT UQ_NotificationsSent UNIQUE (UserId, OfficeId, FiscalYear, Quarter, IndicatorCode, Kind)
);

-- One message per recipient per run (a digest). The rows are also the user's in-app notification list; Email is the
-- address when the message was written (NULL: in-app only). NextAttemptAtUtc is set while email delivery is owed
-- and NULL once sent or given up (FailedPermanently).
CREATE TABLE Outbox (
    Id                 INTEGER PRIMARY KEY,
    UserId             INTEGER NOT NULL REFERENCES Users (Id),
    Email              TEXT    NULL,
    Subject            TEXT    NOT NULL,
    Body               TEXT    NOT NULL,
    CreatedAtUtc       TEXT    NOT NULL,
    Attempts           INTEGER NOT NULL DEFAULT 0,
    NextAttemptAtUtc   TEXT    NULL,
    SentAtUtc          TEXT    NULL,
    LastError          TEXT    NULL,
    FailedPermanently  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IX_Outbox_UserId ON Outbox (UserId, Id);
CREATE INDEX IX_Outbox_NextAttempt ON Outbox (NextAttemptAtUtc);

-- Every run of every job, scheduled or asked for: one row per attempt; a retry names the attempt it retries.
CREATE TABLE JobRuns (
    Id              INTEGER PRIMARY KEY,
    JobName         TEXT    NOT NULL,
    TriggeredAtUtc  TEXT    NOT NULL,
    StartedAtUtc    TEXT    NULL,
    FinishedAtUtc   TEXT    NULL,
    Status          TEXT    NOT NULL,
    Processed       INTEGER NULL,
    Error           TEXT    NULL,
    Attempt         INTEGER NOT NULL DEFAULT 1,
    RetryOfRunId    INTEGER NULL REFERENCES JobRuns (Id),
    Node            TEXT    NULL
);
CREATE INDEX IX_JobRuns_JobName ON JobRuns (JobName, Id);
CREATE INDEX IX_JobRuns_RetryOfRunId ON JobRuns (RetryOfRunId);
