-- Minutes a focal point marked for publication on the office's public page, and the monitoring committee's spot
-- checks: a quarter's sample of services drawn at random (seed stored, so the draw can be repeated) from the latest
-- published charters of the committee's subtree, each service's finding, and the monitoring report issued on them.

-- A row while the meeting's minutes are public; unmarking deletes it (the audit log keeps who did what when).
CREATE TABLE PublishedMinutes (
    MeetingId       INTEGER PRIMARY KEY REFERENCES Meetings (Id),
    OfficeId        INTEGER NOT NULL REFERENCES Offices (Id),
    PublishedBy     TEXT    NOT NULL,
    PublishedAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_PublishedMinutes_OfficeId ON PublishedMinutes (OfficeId);

CREATE TABLE SpotChecks (
    Id              INTEGER PRIMARY KEY,
    OfficeId        INTEGER NOT NULL REFERENCES Offices (Id),  -- the monitoring committee's office
    FiscalYear      TEXT    NOT NULL,
    Quarter         INTEGER NOT NULL,
    SampleSize      INTEGER NOT NULL,                          -- as asked; fewer when the population is smaller
    Seed            INTEGER NOT NULL,
    Population      INTEGER NOT NULL,                          -- services in the charters drawn from
    DrawnOn         TEXT    NOT NULL,
    DrawnBy         TEXT    NOT NULL,
    DrawnAtUtc      TEXT    NOT NULL,
    Notes           TEXT    NULL,                              -- the report's notes
    MemoNumber      TEXT    NULL,                              -- set when the report is issued
    IssuedOn        TEXT    NULL,
    IssuedBy        TEXT    NULL,
    SignatoryName         TEXT    NULL,                  -- who signs the report
    SignatoryDesignation  TEXT    NULL,
    IssuedAtUtc     TEXT    NULL
);
CREATE INDEX IX_SpotChecks_Office ON SpotChecks (OfficeId, FiscalYear, Quarter);

-- The charter versions the draw read (the latest published of each office of the subtree at the time).
CREATE TABLE SpotCheckCharters (
    SpotCheckId       INTEGER NOT NULL REFERENCES SpotChecks (Id),
    CharterVersionId  INTEGER NOT NULL REFERENCES CharterVersions (Id),
    PRIMARY KEY (SpotCheckId, CharterVersionId)
);

-- One sampled service and what was found (null until checked).
CREATE TABLE SpotCheckItems (
    Id                    INTEGER PRIMARY KEY,
    SpotCheckId           INTEGER NOT NULL REFERENCES SpotChecks (Id),
    Position              INTEGER NOT NULL,
    OfficeId              INTEGER NOT NULL REFERENCES Offices (Id),
    CharterVersionId      INTEGER NOT NULL REFERENCES CharterVersions (Id),
    ServiceId             INTEGER NOT NULL REFERENCES CharterServiceIds (Id),
    CheckedOn             TEXT    NULL,
    WithinTimeLimit       INTEGER NULL,
    FeeAsPublished        INTEGER NULL,
    DocumentsAsPublished  INTEGER NULL,
    Note                  TEXT    NULL,
    HasEvidence           INTEGER NOT NULL DEFAULT 0,
    RecordedBy            TEXT    NULL,
    RecordedAtUtc         TEXT    NULL
);
CREATE UNIQUE INDEX UX_SpotCheckItems_Position ON SpotCheckItems (SpotCheckId, Position);
CREATE INDEX IX_SpotCheckItems_OfficeId ON SpotCheckItems (OfficeId);

CREATE TABLE SpotCheckItemEvidence (
    ItemId      INTEGER NOT NULL REFERENCES SpotCheckItems (Id),
    EvidenceId  INTEGER NOT NULL REFERENCES EvidenceFiles (Id),
    PRIMARY KEY (ItemId, EvidenceId)
);
