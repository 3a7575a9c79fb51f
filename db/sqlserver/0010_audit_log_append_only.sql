-- The audit log is append-only: no route changes it, and the database refuses to, whoever asks.
CREATE TRIGGER dbo.TR_AuditLog_AppendOnly ON dbo.AuditLog AFTER UPDATE, DELETE
AS
BEGIN
    THROW 50001, 'Audit rows are never changed or deleted.', 1;
END
GO
