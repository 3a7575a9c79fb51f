-- Tallies of the records that are not withdrawn: per office, fiscal year, kind, quarter (0 for none) and evidence,
-- how many there are and the first day one was recorded. A write refreshes its office's and its parent's scores from
-- these rows instead of reading the records. Kept by triggers, whoever writes the records: the rows a statement touched
-- (before and after) are recounted from the records.
CREATE TABLE dbo.RecordTallies (
    OfficeId         bigint      NOT NULL,
    FiscalYear       varchar(9)  NOT NULL,
    Kind             varchar(40) NOT NULL,
    Quarter          int         NOT NULL,
    HasEvidence      bit         NOT NULL,
    Records          int         NOT NULL,
    FirstRecordedOn  date        NOT NULL,
    CONSTRAINT PK_RecordTallies PRIMARY KEY (OfficeId, FiscalYear, Kind, Quarter, HasEvidence)
);

INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, 'CharterUpdate', ISNULL(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM dbo.CharterUpdates
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, ISNULL(Quarter, 0), HasEvidence;
INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, Kind, ISNULL(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM dbo.Meetings
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, ISNULL(Quarter, 0), HasEvidence;
INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, 'Training', ISNULL(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM dbo.Trainings
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, ISNULL(Quarter, 0), HasEvidence;
INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, Kind, ISNULL(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM dbo.Reports
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, ISNULL(Quarter, 0), HasEvidence;
GO
CREATE TRIGGER dbo.TR_CharterUpdates_Tally ON dbo.CharterUpdates AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DELETE t FROM dbo.RecordTallies t
    JOIN (SELECT i.OfficeId, i.FiscalYear, 'CharterUpdate' AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, 'CharterUpdate', ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = t.OfficeId AND g.FiscalYear = t.FiscalYear AND g.Kind = t.Kind AND g.Quarter = t.Quarter AND g.HasEvidence = t.HasEvidence;
    INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT r.OfficeId, r.FiscalYear, 'CharterUpdate', ISNULL(r.Quarter, 0), r.HasEvidence, COUNT(*), MIN(r.RecordedOn)
    FROM dbo.CharterUpdates r
    JOIN (SELECT i.OfficeId, i.FiscalYear, 'CharterUpdate' AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, 'CharterUpdate', ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = r.OfficeId AND g.FiscalYear = r.FiscalYear AND g.Kind = 'CharterUpdate' AND g.Quarter = ISNULL(r.Quarter, 0) AND g.HasEvidence = r.HasEvidence
    WHERE r.WithdrawnAtUtc IS NULL
    GROUP BY r.OfficeId, r.FiscalYear, ISNULL(r.Quarter, 0), r.HasEvidence;
END
GO
CREATE TRIGGER dbo.TR_Meetings_Tally ON dbo.Meetings AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DELETE t FROM dbo.RecordTallies t
    JOIN (SELECT i.OfficeId, i.FiscalYear, i.Kind AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, d.Kind, ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = t.OfficeId AND g.FiscalYear = t.FiscalYear AND g.Kind = t.Kind AND g.Quarter = t.Quarter AND g.HasEvidence = t.HasEvidence;
    INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT r.OfficeId, r.FiscalYear, r.Kind, ISNULL(r.Quarter, 0), r.HasEvidence, COUNT(*), MIN(r.RecordedOn)
    FROM dbo.Meetings r
    JOIN (SELECT i.OfficeId, i.FiscalYear, i.Kind AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, d.Kind, ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = r.OfficeId AND g.FiscalYear = r.FiscalYear AND g.Kind = r.Kind AND g.Quarter = ISNULL(r.Quarter, 0) AND g.HasEvidence = r.HasEvidence
    WHERE r.WithdrawnAtUtc IS NULL
    GROUP BY r.OfficeId, r.FiscalYear, r.Kind, ISNULL(r.Quarter, 0), r.HasEvidence;
END
GO
CREATE TRIGGER dbo.TR_Trainings_Tally ON dbo.Trainings AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DELETE t FROM dbo.RecordTallies t
    JOIN (SELECT i.OfficeId, i.FiscalYear, 'Training' AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, 'Training', ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = t.OfficeId AND g.FiscalYear = t.FiscalYear AND g.Kind = t.Kind AND g.Quarter = t.Quarter AND g.HasEvidence = t.HasEvidence;
    INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT r.OfficeId, r.FiscalYear, 'Training', ISNULL(r.Quarter, 0), r.HasEvidence, COUNT(*), MIN(r.RecordedOn)
    FROM dbo.Trainings r
    JOIN (SELECT i.OfficeId, i.FiscalYear, 'Training' AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, 'Training', ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = r.OfficeId AND g.FiscalYear = r.FiscalYear AND g.Kind = 'Training' AND g.Quarter = ISNULL(r.Quarter, 0) AND g.HasEvidence = r.HasEvidence
    WHERE r.WithdrawnAtUtc IS NULL
    GROUP BY r.OfficeId, r.FiscalYear, ISNULL(r.Quarter, 0), r.HasEvidence;
END
GO
CREATE TRIGGER dbo.TR_Reports_Tally ON dbo.Reports AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DELETE t FROM dbo.RecordTallies t
    JOIN (SELECT i.OfficeId, i.FiscalYear, i.Kind AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, d.Kind, ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = t.OfficeId AND g.FiscalYear = t.FiscalYear AND g.Kind = t.Kind AND g.Quarter = t.Quarter AND g.HasEvidence = t.HasEvidence;
    INSERT INTO dbo.RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT r.OfficeId, r.FiscalYear, r.Kind, ISNULL(r.Quarter, 0), r.HasEvidence, COUNT(*), MIN(r.RecordedOn)
    FROM dbo.Reports r
    JOIN (SELECT i.OfficeId, i.FiscalYear, i.Kind AS Kind, ISNULL(i.Quarter, 0) AS Quarter, i.HasEvidence FROM inserted i
        UNION SELECT d.OfficeId, d.FiscalYear, d.Kind, ISNULL(d.Quarter, 0), d.HasEvidence FROM deleted d) g
      ON g.OfficeId = r.OfficeId AND g.FiscalYear = r.FiscalYear AND g.Kind = r.Kind AND g.Quarter = ISNULL(r.Quarter, 0) AND g.HasEvidence = r.HasEvidence
    WHERE r.WithdrawnAtUtc IS NULL
    GROUP BY r.OfficeId, r.FiscalYear, r.Kind, ISNULL(r.Quarter, 0), r.HasEvidence;
END
GO
