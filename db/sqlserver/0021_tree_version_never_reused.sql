-- TreeVersions (0020) counted up: a change rolled back after a copy of the tree was read inside it left that copy
-- labelled with a number the next committed change reused, so the copy passed for the new tree. A random number
-- (64 bits) is not reused by a rolled-back change.
DROP TRIGGER dbo.TR_Offices_Tree;
DROP TRIGGER dbo.TR_OfficePlacements_Tree;
GO
CREATE TRIGGER dbo.TR_Offices_Tree ON dbo.Offices AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.TreeVersions SET Version = CAST(CRYPT_GEN_RANDOM(8) AS bigint) WHERE Id = 1;
END
GO
CREATE TRIGGER dbo.TR_OfficePlacements_Tree ON dbo.OfficePlacements AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE dbo.TreeVersions SET Version = CAST(CRYPT_GEN_RANDOM(8) AS bigint) WHERE Id = 1;
END
GO
