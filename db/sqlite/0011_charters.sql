-- The charter itself (সেবা প্রদান প্রতিশ্রুতি) as versioned data. A version is a draft until published; a
-- published version never changes (a correction is a new version); the latest published version is the office's
-- charter. Publishing counts as the office's charter update (1.1.1) for the quarter of PublishedOn: the
-- CharterUpdates row it created or counted towards is CharterUpdateId. Bengali text is required, English optional.

-- A service's stable identity across versions: each version's row for the service names it.
CREATE TABLE CharterServiceIds (
    Id            INTEGER PRIMARY KEY,
    OfficeId      INTEGER NOT NULL REFERENCES Offices (Id),
    CreatedAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_CharterServiceIds_OfficeId ON CharterServiceIds (OfficeId);

CREATE TABLE CharterVersions (
    Id               INTEGER PRIMARY KEY,
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    Version          INTEGER NOT NULL,
    Status           TEXT    NOT NULL,          -- Draft | Published
    VisionBn         TEXT    NOT NULL,
    VisionEn         TEXT    NULL,
    MissionBn        TEXT    NOT NULL,
    MissionEn        TEXT    NULL,
    PublishedOn      TEXT    NULL,              -- the publication date printed on the charter
    FiscalYear       TEXT    NULL,              -- of PublishedOn
    Quarter          INTEGER NULL,              -- of PublishedOn
    CharterUpdateId  INTEGER NULL REFERENCES CharterUpdates (Id),
    Revision         INTEGER NOT NULL DEFAULT 1, -- optimistic concurrency while a draft
    CreatedBy        TEXT    NOT NULL,
    CreatedAtUtc     TEXT    NOT NULL,
    UpdatedAtUtc     TEXT    NOT NULL,
    PublishedBy      TEXT    NULL,
    PublishedAtUtc   TEXT    NULL
);
CREATE UNIQUE INDEX UX_CharterVersions_OfficeVersion ON CharterVersions (OfficeId, Version);
CREATE UNIQUE INDEX UX_CharterVersions_OneDraft ON CharterVersions (OfficeId) WHERE Status = 'Draft';
CREATE INDEX IX_CharterVersions_Published ON CharterVersions (FiscalYear, Quarter, OfficeId);

-- One row per service in a version, in the order printed within its category.
CREATE TABLE CharterServices (
    Id                    INTEGER PRIMARY KEY,
    CharterVersionId      INTEGER NOT NULL REFERENCES CharterVersions (Id),
    ServiceId             INTEGER NOT NULL REFERENCES CharterServiceIds (Id),
    Category              TEXT    NOT NULL,     -- Citizen | Institutional | Internal | Subordinate
    Position              INTEGER NOT NULL,
    NameBn                TEXT    NOT NULL,
    NameEn                TEXT    NULL,
    MethodBn              TEXT    NOT NULL,     -- how the service is delivered
    MethodEn              TEXT    NULL,
    DocumentsBn           TEXT    NOT NULL,     -- documents needed and where to get them
    DocumentsEn           TEXT    NULL,
    FeeBn                 TEXT    NOT NULL,     -- the fee and how to pay
    FeeEn                 TEXT    NULL,
    TimeLimitBn           TEXT    NOT NULL,
    TimeLimitEn           TEXT    NULL,
    TimeLimitDays         INTEGER NULL,         -- when the time limit is a number of days (spot checks compare it)
    OfficerName           TEXT    NOT NULL,
    OfficerNameEn         TEXT    NULL,
    OfficerDesignation    TEXT    NOT NULL,
    OfficerDesignationEn  TEXT    NULL,
    OfficerPhone          TEXT    NULL,
    OfficerEmail          TEXT    NULL
);
CREATE UNIQUE INDEX UX_CharterServices_VersionService ON CharterServices (CharterVersionId, ServiceId);
CREATE INDEX IX_CharterServices_ServiceId ON CharterServices (ServiceId);

-- The grievance redress (GRS) escalation: level 1 the officer in charge, then the grievance officer, the appeal
-- officer, and the Cabinet Division's GRS cell; Days is how long each level has.
CREATE TABLE CharterGrievanceLevels (
    Id                    INTEGER PRIMARY KEY,
    CharterVersionId      INTEGER NOT NULL REFERENCES CharterVersions (Id),
    Level                 INTEGER NOT NULL,
    OfficerName           TEXT    NOT NULL,
    OfficerNameEn         TEXT    NULL,
    OfficerDesignation    TEXT    NOT NULL,
    OfficerDesignationEn  TEXT    NULL,
    OfficerPhone          TEXT    NULL,
    OfficerEmail          TEXT    NULL,
    Days                  INTEGER NULL
);
CREATE UNIQUE INDEX UX_CharterGrievanceLevels_VersionLevel ON CharterGrievanceLevels (CharterVersionId, Level);

-- "What we expect from you" (আপনার কাছে আমাদের প্রত্যাশা), in order.
CREATE TABLE CharterExpectations (
    Id                INTEGER PRIMARY KEY,
    CharterVersionId  INTEGER NOT NULL REFERENCES CharterVersions (Id),
    Position          INTEGER NOT NULL,
    TextBn            TEXT    NOT NULL,
    TextEn            TEXT    NULL
);
CREATE UNIQUE INDEX UX_CharterExpectations_VersionPosition ON CharterExpectations (CharterVersionId, Position);
