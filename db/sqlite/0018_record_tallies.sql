-- Tallies of the records that are not withdrawn: per office, fiscal year, kind, quarter (0 for none) and evidence,
-- how many there are and the first day one was recorded. A write refreshes its office's and its parent's scores from
-- these rows, so an office's 2,000th record in a quarter costs a write what its first did (reading the records would
-- cost in proportion to them). Kept by triggers, whoever writes the records: an insert adds one to its row; an edit
-- that moves a record between rows, a withdrawal or a delete recounts the rows concerned.
CREATE TABLE RecordTallies (
    OfficeId         INTEGER NOT NULL,
    FiscalYear       TEXT    NOT NULL,
    Kind             TEXT    NOT NULL,
    Quarter          INTEGER NOT NULL,
    HasEvidence      INTEGER NOT NULL,
    Records          INTEGER NOT NULL,
    FirstRecordedOn  TEXT    NOT NULL,
    PRIMARY KEY (OfficeId, FiscalYear, Kind, Quarter, HasEvidence)
);

INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, 'CharterUpdate', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM CharterUpdates
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
CREATE TRIGGER TR_CharterUpdates_TallyInsert AFTER INSERT ON CharterUpdates WHEN NEW.WithdrawnAtUtc IS NULL
BEGIN
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    VALUES (NEW.OfficeId, NEW.FiscalYear, 'CharterUpdate', COALESCE(NEW.Quarter, 0), NEW.HasEvidence, 1, NEW.RecordedOn)
    ON CONFLICT (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) DO UPDATE SET Records = Records + 1, FirstRecordedOn = MIN(FirstRecordedOn, excluded.FirstRecordedOn);
END;
CREATE TRIGGER TR_CharterUpdates_TallyUpdate AFTER UPDATE ON CharterUpdates
WHEN OLD.OfficeId IS NOT NEW.OfficeId OR OLD.FiscalYear IS NOT NEW.FiscalYear OR OLD.Quarter IS NOT NEW.Quarter OR OLD.HasEvidence IS NOT NEW.HasEvidence OR OLD.RecordedOn IS NOT NEW.RecordedOn OR OLD.WithdrawnAtUtc IS NOT NEW.WithdrawnAtUtc
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = 'CharterUpdate' AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = 'CharterUpdate' AND Quarter = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, 'CharterUpdate', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM CharterUpdates
    WHERE WithdrawnAtUtc IS NULL AND ((OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence))
    GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
END;
CREATE TRIGGER TR_CharterUpdates_TallyDelete AFTER DELETE ON CharterUpdates WHEN OLD.WithdrawnAtUtc IS NULL
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = 'CharterUpdate' AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, 'CharterUpdate', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM CharterUpdates
    WHERE WithdrawnAtUtc IS NULL AND (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence)
    GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
END;

INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Meetings
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
CREATE TRIGGER TR_Meetings_TallyInsert AFTER INSERT ON Meetings WHEN NEW.WithdrawnAtUtc IS NULL
BEGIN
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    VALUES (NEW.OfficeId, NEW.FiscalYear, NEW.Kind, COALESCE(NEW.Quarter, 0), NEW.HasEvidence, 1, NEW.RecordedOn)
    ON CONFLICT (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) DO UPDATE SET Records = Records + 1, FirstRecordedOn = MIN(FirstRecordedOn, excluded.FirstRecordedOn);
END;
CREATE TRIGGER TR_Meetings_TallyUpdate AFTER UPDATE ON Meetings
WHEN OLD.OfficeId IS NOT NEW.OfficeId OR OLD.FiscalYear IS NOT NEW.FiscalYear OR OLD.Kind IS NOT NEW.Kind OR OLD.Quarter IS NOT NEW.Quarter OR OLD.HasEvidence IS NOT NEW.HasEvidence OR OLD.RecordedOn IS NOT NEW.RecordedOn OR OLD.WithdrawnAtUtc IS NOT NEW.WithdrawnAtUtc
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = NEW.Kind AND Quarter = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Meetings
    WHERE WithdrawnAtUtc IS NULL AND ((OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = NEW.Kind AND COALESCE(Quarter, 0) = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence))
    GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
END;
CREATE TRIGGER TR_Meetings_TallyDelete AFTER DELETE ON Meetings WHEN OLD.WithdrawnAtUtc IS NULL
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Meetings
    WHERE WithdrawnAtUtc IS NULL AND (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence)
    GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
END;

INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, 'Training', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Trainings
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
CREATE TRIGGER TR_Trainings_TallyInsert AFTER INSERT ON Trainings WHEN NEW.WithdrawnAtUtc IS NULL
BEGIN
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    VALUES (NEW.OfficeId, NEW.FiscalYear, 'Training', COALESCE(NEW.Quarter, 0), NEW.HasEvidence, 1, NEW.RecordedOn)
    ON CONFLICT (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) DO UPDATE SET Records = Records + 1, FirstRecordedOn = MIN(FirstRecordedOn, excluded.FirstRecordedOn);
END;
CREATE TRIGGER TR_Trainings_TallyUpdate AFTER UPDATE ON Trainings
WHEN OLD.OfficeId IS NOT NEW.OfficeId OR OLD.FiscalYear IS NOT NEW.FiscalYear OR OLD.Quarter IS NOT NEW.Quarter OR OLD.HasEvidence IS NOT NEW.HasEvidence OR OLD.RecordedOn IS NOT NEW.RecordedOn OR OLD.WithdrawnAtUtc IS NOT NEW.WithdrawnAtUtc
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = 'Training' AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = 'Training' AND Quarter = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, 'Training', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Trainings
    WHERE WithdrawnAtUtc IS NULL AND ((OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence))
    GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
END;
CREATE TRIGGER TR_Trainings_TallyDelete AFTER DELETE ON Trainings WHEN OLD.WithdrawnAtUtc IS NULL
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = 'Training' AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, 'Training', COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Trainings
    WHERE WithdrawnAtUtc IS NULL AND (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence)
    GROUP BY OfficeId, FiscalYear, COALESCE(Quarter, 0), HasEvidence;
END;

INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Reports
WHERE WithdrawnAtUtc IS NULL GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
CREATE TRIGGER TR_Reports_TallyInsert AFTER INSERT ON Reports WHEN NEW.WithdrawnAtUtc IS NULL
BEGIN
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    VALUES (NEW.OfficeId, NEW.FiscalYear, NEW.Kind, COALESCE(NEW.Quarter, 0), NEW.HasEvidence, 1, NEW.RecordedOn)
    ON CONFLICT (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) DO UPDATE SET Records = Records + 1, FirstRecordedOn = MIN(FirstRecordedOn, excluded.FirstRecordedOn);
END;
CREATE TRIGGER TR_Reports_TallyUpdate AFTER UPDATE ON Reports
WHEN OLD.OfficeId IS NOT NEW.OfficeId OR OLD.FiscalYear IS NOT NEW.FiscalYear OR OLD.Kind IS NOT NEW.Kind OR OLD.Quarter IS NOT NEW.Quarter OR OLD.HasEvidence IS NOT NEW.HasEvidence OR OLD.RecordedOn IS NOT NEW.RecordedOn OR OLD.WithdrawnAtUtc IS NOT NEW.WithdrawnAtUtc
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = NEW.Kind AND Quarter = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Reports
    WHERE WithdrawnAtUtc IS NULL AND ((OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence) OR (OfficeId = NEW.OfficeId AND FiscalYear = NEW.FiscalYear AND Kind = NEW.Kind AND COALESCE(Quarter, 0) = COALESCE(NEW.Quarter, 0) AND HasEvidence = NEW.HasEvidence))
    GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
END;
CREATE TRIGGER TR_Reports_TallyDelete AFTER DELETE ON Reports WHEN OLD.WithdrawnAtUtc IS NULL
BEGIN
    DELETE FROM RecordTallies WHERE (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND Quarter = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence);
    INSERT INTO RecordTallies (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, Records, FirstRecordedOn)
    SELECT OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence, COUNT(*), MIN(RecordedOn) FROM Reports
    WHERE WithdrawnAtUtc IS NULL AND (OfficeId = OLD.OfficeId AND FiscalYear = OLD.FiscalYear AND Kind = OLD.Kind AND COALESCE(Quarter, 0) = COALESCE(OLD.Quarter, 0) AND HasEvidence = OLD.HasEvidence)
    GROUP BY OfficeId, FiscalYear, Kind, COALESCE(Quarter, 0), HasEvidence;
END;
