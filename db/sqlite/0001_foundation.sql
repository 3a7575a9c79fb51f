-- Offices, people and access, and the audit log.
-- Dates are ISO text (YYYY-MM-DD), instants ISO-8601 UTC text; see src/CharterTracker/Data/TypeHandlers.cs.

CREATE TABLE Offices (
    Id            INTEGER PRIMARY KEY,
    Code          TEXT    NOT NULL COLLATE NOCASE,
    NameBn        TEXT    NOT NULL,
    NameEn        TEXT    NOT NULL,
    Kind          TEXT    NOT NULL,
    ParentId      INTEGER NULL REFERENCES Offices (Id),
    -- Materialised path of the latest placement, e.g. '/1/14/203/': a subtree is Path LIKE '/1/14/%'.
    -- NOCASE lets SQLite's LIKE use the index (paths hold only digits and slashes).
    Path          TEXT    NOT NULL COLLATE NOCASE,
    Depth         INTEGER NOT NULL,
    ActiveFrom    TEXT    NOT NULL,
    ActiveUntil   TEXT    NULL,
    Version       INTEGER NOT NULL DEFAULT 1,
    CreatedAtUtc  TEXT    NOT NULL,
    CONSTRAINT UQ_Offices_Code UNIQUE (Code)
);
CREATE INDEX IX_Offices_Path ON Offices (Path);
CREATE INDEX IX_Offices_ParentId ON Offices (ParentId);

-- The effective-dated tree: where an office hung from ValidFrom until ValidUntil (exclusive).
CREATE TABLE OfficePlacements (
    Id          INTEGER PRIMARY KEY,
    OfficeId    INTEGER NOT NULL REFERENCES Offices (Id),
    ParentId    INTEGER NULL REFERENCES Offices (Id),
    ValidFrom   TEXT    NOT NULL,
    ValidUntil  TEXT    NULL,
    CONSTRAINT UQ_OfficePlacements UNIQUE (OfficeId, ValidFrom)
);
CREATE INDEX IX_OfficePlacements_ParentId ON OfficePlacements (ParentId, ValidFrom);

-- What happened to an office, in its own words (registered, renamed, moved, deactivated).
CREATE TABLE OfficeChanges (
    Id               INTEGER PRIMARY KEY,
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    Change           TEXT    NOT NULL,
    EffectiveOn      TEXT    NOT NULL,
    Before           TEXT    NULL,
    After            TEXT    NULL,
    ChangedByUserId  INTEGER NULL,
    ChangedBy        TEXT    NOT NULL,
    ChangedAtUtc     TEXT    NOT NULL
);
CREATE INDEX IX_OfficeChanges_OfficeId ON OfficeChanges (OfficeId, Id);

CREATE TABLE Users (
    Id            INTEGER PRIMARY KEY,
    Username      TEXT    NOT NULL COLLATE NOCASE,
    PasswordHash  TEXT    NOT NULL,
    DisplayName   TEXT    NOT NULL,
    Role          TEXT    NOT NULL,
    OfficeId      INTEGER NULL REFERENCES Offices (Id),
    Email         TEXT    NULL,
    Language      TEXT    NOT NULL DEFAULT 'bn',
    Active        INTEGER NOT NULL DEFAULT 1,
    CreatedAtUtc  TEXT    NOT NULL,
    CONSTRAINT UQ_Users_Username UNIQUE (Username)
);
CREATE INDEX IX_Users_OfficeId ON Users (OfficeId);

CREATE TABLE FocalPointAssignments (
    Id            INTEGER PRIMARY KEY,
    UserId        INTEGER NOT NULL REFERENCES Users (Id),
    OfficeId      INTEGER NOT NULL REFERENCES Offices (Id),
    ValidFrom     TEXT    NOT NULL,
    ValidUntil    TEXT    NULL,
    CreatedAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_FocalPointAssignments_OfficeId ON FocalPointAssignments (OfficeId, ValidFrom);
CREATE INDEX IX_FocalPointAssignments_UserId ON FocalPointAssignments (UserId);

-- One row per command, whatever its outcome. No foreign keys: a rejected command may name nothing that exists.
CREATE TABLE AuditLog (
    Id             INTEGER PRIMARY KEY,
    OccurredAtUtc  TEXT    NOT NULL,
    UserId         INTEGER NULL,
    Username       TEXT    NOT NULL,
    Action         TEXT    NOT NULL,
    OfficeId       INTEGER NULL,
    EntityId       INTEGER NULL,
    Outcome        TEXT    NOT NULL,
    Payload        TEXT    NOT NULL,
    Detail         TEXT    NULL
);
CREATE INDEX IX_AuditLog_OfficeId ON AuditLog (OfficeId, Id);
CREATE INDEX IX_AuditLog_OccurredAtUtc ON AuditLog (OccurredAtUtc);
