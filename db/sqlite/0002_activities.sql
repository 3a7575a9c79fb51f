-- What focal points record each quarter: charter updates, meetings (with minutes data and follow-ups),
-- trainings, reports, and the evidence files behind them. Every record names the office, fiscal year and
-- quarter it counts for; RecordedOn is the calendar day (deployment zone) it was first recorded, which decides
-- Done or Late against the due date.

CREATE TABLE EvidenceFiles (
    Id                INTEGER PRIMARY KEY,
    OfficeId          INTEGER NULL REFERENCES Offices (Id),
    FileName          TEXT    NOT NULL,
    ContentType       TEXT    NOT NULL,
    Size              INTEGER NOT NULL,
    Sha256            TEXT    NOT NULL,
    EvidenceDate      TEXT    NOT NULL,
    UploadedByUserId  INTEGER NULL,
    UploadedBy        TEXT    NOT NULL,
    UploadedAtUtc     TEXT    NOT NULL
);
CREATE INDEX IX_EvidenceFiles_Sha256 ON EvidenceFiles (Sha256);

CREATE TABLE CharterUpdates (
    Id               INTEGER PRIMARY KEY,
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear       TEXT    NOT NULL,
    Quarter          INTEGER NOT NULL,
    UpdatedOn        TEXT    NOT NULL,
    PortalReference  TEXT    NULL,
    HasEvidence      INTEGER NOT NULL,
    Notes            TEXT    NULL,
    RecordedOn       TEXT    NOT NULL,
    BackFilled       INTEGER NOT NULL DEFAULT 0,
    Version          INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc   TEXT    NULL,
    WithdrawnReason  TEXT    NULL,
    CreatedBy        TEXT    NOT NULL,
    CreatedAtUtc     TEXT    NOT NULL,
    UpdatedAtUtc     TEXT    NOT NULL
);
CREATE INDEX IX_CharterUpdates_Period ON CharterUpdates (FiscalYear, Quarter, OfficeId);
CREATE INDEX IX_CharterUpdates_OfficeId ON CharterUpdates (OfficeId, FiscalYear);

CREATE TABLE Meetings (
    Id                    INTEGER PRIMARY KEY,
    OfficeId              INTEGER NOT NULL REFERENCES Offices (Id),
    Kind                  TEXT    NOT NULL,
    FiscalYear            TEXT    NOT NULL,
    Quarter               INTEGER NOT NULL,
    Title                 TEXT    NULL,
    HeldOn                TEXT    NOT NULL,
    StartTime             TEXT    NOT NULL,
    Venue                 TEXT    NOT NULL,
    ChairName             TEXT    NOT NULL,
    ChairDesignation      TEXT    NOT NULL,
    Opening               TEXT    NULL,
    MemoNumber            TEXT    NULL,
    IssuedOn              TEXT    NULL,
    SignatoryName         TEXT    NULL,
    SignatoryDesignation  TEXT    NULL,
    HasEvidence           INTEGER NOT NULL,
    RecordedOn            TEXT    NOT NULL,
    BackFilled            INTEGER NOT NULL DEFAULT 0,
    Version               INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc        TEXT    NULL,
    WithdrawnReason       TEXT    NULL,
    CreatedBy             TEXT    NOT NULL,
    CreatedAtUtc          TEXT    NOT NULL,
    UpdatedAtUtc          TEXT    NOT NULL
);
CREATE INDEX IX_Meetings_Period ON Meetings (FiscalYear, Quarter, OfficeId);
CREATE INDEX IX_Meetings_OfficeId ON Meetings (OfficeId, HeldOn);

-- Annex 'ক': who was invited, who attended.
CREATE TABLE MeetingAttendees (
    MeetingId    INTEGER NOT NULL REFERENCES Meetings (Id),
    Seq          INTEGER NOT NULL,
    Name         TEXT    NOT NULL,
    Designation  TEXT    NOT NULL,
    Office       TEXT    NOT NULL,
    Attended     INTEGER NOT NULL,
    PRIMARY KEY (MeetingId, Seq)
);

CREATE TABLE MeetingAgendaItems (
    MeetingId   INTEGER NOT NULL REFERENCES Meetings (Id),
    Seq         INTEGER NOT NULL,
    Discussion  TEXT    NOT NULL,
    Decision    TEXT    NOT NULL,
    PRIMARY KEY (MeetingId, Seq)
);

CREATE TABLE MeetingDistribution (
    MeetingId  INTEGER NOT NULL REFERENCES Meetings (Id),
    Seq        INTEGER NOT NULL,
    Recipient  TEXT    NOT NULL,
    PRIMARY KEY (MeetingId, Seq)
);

-- A decision that someone must carry out: open until done; overdue is open past its due date.
CREATE TABLE FollowUps (
    Id             INTEGER PRIMARY KEY,
    MeetingId      INTEGER NOT NULL REFERENCES Meetings (Id),
    AgendaSeq      INTEGER NOT NULL,
    Action         TEXT    NOT NULL,
    OwnerOfficeId  INTEGER NOT NULL REFERENCES Offices (Id),
    DueOn          TEXT    NOT NULL,
    Status         TEXT    NOT NULL,
    DoneOn         TEXT    NULL,
    DoneNote       TEXT    NULL,
    CreatedAtUtc   TEXT    NOT NULL
);
CREATE INDEX IX_FollowUps_MeetingId ON FollowUps (MeetingId);
CREATE INDEX IX_FollowUps_Owner ON FollowUps (OwnerOfficeId, Status);

CREATE TABLE Trainings (
    Id                  INTEGER PRIMARY KEY,
    OfficeId            INTEGER NOT NULL REFERENCES Offices (Id),
    Kind                TEXT    NOT NULL,
    FiscalYear          TEXT    NOT NULL,
    Quarter             INTEGER NOT NULL,
    HeldOn              TEXT    NOT NULL,
    Title               TEXT    NOT NULL,
    Participants        INTEGER NOT NULL,
    OfficesRepresented  TEXT    NULL,
    HasEvidence         INTEGER NOT NULL,
    RecordedOn          TEXT    NOT NULL,
    BackFilled          INTEGER NOT NULL DEFAULT 0,
    Version             INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc      TEXT    NULL,
    WithdrawnReason     TEXT    NULL,
    CreatedBy           TEXT    NOT NULL,
    CreatedAtUtc        TEXT    NOT NULL,
    UpdatedAtUtc        TEXT    NOT NULL
);
CREATE INDEX IX_Trainings_Period ON Trainings (FiscalYear, Quarter, OfficeId);

CREATE TABLE Reports (
    Id                 INTEGER PRIMARY KEY,
    OfficeId           INTEGER NOT NULL REFERENCES Offices (Id),
    Kind               TEXT    NOT NULL,
    FiscalYear         TEXT    NOT NULL,
    Quarter            INTEGER NULL,
    SubmittedOn        TEXT    NOT NULL,
    SubmittedToOfficeId INTEGER NULL REFERENCES Offices (Id),
    Notes              TEXT    NULL,
    HasEvidence        INTEGER NOT NULL,
    RecordedOn         TEXT    NOT NULL,
    BackFilled         INTEGER NOT NULL DEFAULT 0,
    Version            INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc     TEXT    NULL,
    WithdrawnReason    TEXT    NULL,
    CreatedBy          TEXT    NOT NULL,
    CreatedAtUtc       TEXT    NOT NULL,
    UpdatedAtUtc       TEXT    NOT NULL
);
CREATE INDEX IX_Reports_Period ON Reports (FiscalYear, Quarter, OfficeId);

-- Which evidence files back which record.
CREATE TABLE RecordEvidence (
    RecordKind  TEXT    NOT NULL,
    RecordId    INTEGER NOT NULL,
    EvidenceId  INTEGER NOT NULL REFERENCES EvidenceFiles (Id),
    PRIMARY KEY (RecordKind, RecordId, EvidenceId)
);
CREATE INDEX IX_RecordEvidence_EvidenceId ON RecordEvidence (EvidenceId);

-- Every version a record had: what it held before each edit or withdrawal, who changed it and when.
CREATE TABLE RecordHistory (
    Id            INTEGER PRIMARY KEY,
    RecordKind    TEXT    NOT NULL,
    RecordId      INTEGER NOT NULL,
    Version       INTEGER NOT NULL,
    Change        TEXT    NOT NULL,
    Snapshot      TEXT    NOT NULL,
    ChangedBy     TEXT    NOT NULL,
    ChangedAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_RecordHistory_Record ON RecordHistory (RecordKind, RecordId, Version);
