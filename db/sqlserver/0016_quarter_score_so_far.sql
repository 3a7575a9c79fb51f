-- A quarter whose due date has not passed is scored on the items recorded so far (items not yet due do not count as
-- zero); once it is due, on every item. The read model keeps both, neither depending on the day it was written, and
-- readers pick by the quarter's due date:
--   ScoreHundredths          the score over every quarterly indicator (unrecorded ones as zero), as before;
--   RecordedScoreHundredths  the score over the quarterly indicators with a record; NULL when none has one (and on
--                            the year rows).
ALTER TABLE dbo.OfficeScores ADD RecordedScoreHundredths int NULL;
GO
DROP INDEX IX_OfficeScores_Path ON dbo.OfficeScores;
CREATE INDEX IX_OfficeScores_Path ON dbo.OfficeScores (FiscalYear, Quarter, Path) INCLUDE (ScoreHundredths, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn, RecordedScoreHundredths);
GO
-- Each expected item's marks (weight × raw, in hundredths; an annual indicator's on its year row), so that a ranking
-- can say beside each score what made it.
ALTER TABLE dbo.ExpectedItems ADD ScoreHundredths int NULL;
GO
-- An empty Path makes the application rebuild those years when it starts (after `migrate`), which fills the new column.
UPDATE dbo.OfficeScores SET Path = '';
