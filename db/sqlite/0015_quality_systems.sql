-- Quality systems beside the charter plan: an office adopts systems (ISO 9001, any of the P.S.O. standard's ten
-- core systems — reference data in QualitySystems/QualitySystemCatalog.cs — or one of its own), defines its own
-- indicators for them, and records one value per indicator and quarter. The values are scored by the plan's engine
-- but never enter the plan's tables (ExpectedItems, OfficeScores): the plan score cannot move.

CREATE TABLE QualitySystemAdoptions (
    Id              INTEGER PRIMARY KEY,
    OfficeId        INTEGER NOT NULL REFERENCES Offices (Id),
    SystemCode      TEXT    NOT NULL,   -- ISO9001 | PSO-01..PSO-10 | OWN
    NameBn          TEXT    NULL,       -- an office's own system only
    NameEn          TEXT    NULL,
    AdoptedOn       TEXT    NOT NULL,
    RetiredOn       TEXT    NULL,
    RetiredReason   TEXT    NULL,
    Version         INTEGER NOT NULL DEFAULT 1,
    CreatedBy       TEXT    NOT NULL,
    CreatedAtUtc    TEXT    NOT NULL,
    UpdatedAtUtc    TEXT    NOT NULL
);
CREATE INDEX IX_QualitySystemAdoptions_OfficeId ON QualitySystemAdoptions (OfficeId);
-- A built-in system is adopted once at a time by an office.
CREATE UNIQUE INDEX UX_QualitySystemAdoptions_Current ON QualitySystemAdoptions (OfficeId, SystemCode) WHERE RetiredOn IS NULL AND SystemCode <> 'OWN';
CREATE INDEX IX_QualitySystemAdoptions_SystemCode ON QualitySystemAdoptions (SystemCode, OfficeId);

-- An indicator the office defined for one of its systems. Targets is JSON: { at100, at90?, ..., quarters? }.
-- Earlier versions are kept in RecordHistory (RecordKind 'QualityIndicator').
CREATE TABLE QualityIndicators (
    Id                INTEGER PRIMARY KEY,
    OfficeId          INTEGER NOT NULL REFERENCES Offices (Id),
    AdoptionId        INTEGER NOT NULL REFERENCES QualitySystemAdoptions (Id),
    Code              TEXT    NOT NULL,
    NameBn            TEXT    NOT NULL,
    NameEn            TEXT    NULL,
    Unit              TEXT    NOT NULL,
    Frequency         TEXT    NOT NULL,
    Aggregation       TEXT    NOT NULL,
    Direction         TEXT    NOT NULL,
    Weight            TEXT    NOT NULL,
    Targets           TEXT    NOT NULL,
    EvidenceRequired  INTEGER NOT NULL,
    Version           INTEGER NOT NULL DEFAULT 1,
    CreatedBy         TEXT    NOT NULL,
    CreatedAtUtc      TEXT    NOT NULL,
    UpdatedAtUtc      TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_QualityIndicators_OfficeCode ON QualityIndicators (OfficeId, Code);
CREATE INDEX IX_QualityIndicators_AdoptionId ON QualityIndicators (AdoptionId);

-- One value per indicator and quarter (a record like the others: evidence, versions, withdrawal).
CREATE TABLE QualityValues (
    Id               INTEGER PRIMARY KEY,
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    IndicatorId      INTEGER NOT NULL REFERENCES QualityIndicators (Id),
    FiscalYear       TEXT    NOT NULL,
    Quarter          INTEGER NOT NULL,
    Value            TEXT    NOT NULL,
    Note             TEXT    NULL,
    HasEvidence      INTEGER NOT NULL,
    RecordedOn       TEXT    NOT NULL,
    BackFilled       INTEGER NOT NULL DEFAULT 0,
    Version          INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc   TEXT    NULL,
    WithdrawnReason  TEXT    NULL,
    CreatedBy        TEXT    NOT NULL,
    CreatedAtUtc     TEXT    NOT NULL,
    UpdatedAtUtc     TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_QualityValues_Current ON QualityValues (IndicatorId, FiscalYear, Quarter) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_QualityValues_Office ON QualityValues (OfficeId, FiscalYear);
