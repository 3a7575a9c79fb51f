-- A number that changes whenever the office tree does (an office or a placement inserted, changed or deleted), kept by
-- triggers whoever writes. A write's score refresh reads the tree from a copy held in memory (Offices/OfficeTreeCache)
-- and reads only this number to know that copy is current: one small read instead of walking the tree in SQL.
CREATE TABLE dbo.TreeVersions (
    Id      int    NOT NULL CONSTRAINT PK_TreeVersions PRIMARY KEY CONSTRAINT CK_TreeVersions_One CHECK (Id = 1),
    Version bigint NOT NULL
);
INSERT INTO dbo.TreeVersions (Id, Version) VALUES (1, 1);
GO
CREATE TRIGGER dbo.TR_Offices_Tree ON dbo.Offices AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.TreeVersions SET Version = Version + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER dbo.TR_OfficePlacements_Tree ON dbo.OfficePlacements AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.TreeVersions SET Version = Version + 1 WHERE Id = 1;
END
GO
