using CharterTracker.Data;

namespace CharterTracker.Tests.Data;

/// <summary>
/// <see cref="DbSession.InsertAsync"/> puts SQL Server's <c>OUTPUT INSERTED.Id</c> before <c>VALUES</c>. An insert it
/// cannot place it in must be refused at once: on SQL Server it would otherwise run without it and return id 0, which
/// no SQLite test would notice.
/// </summary>
public sealed class InsertReturningIdTests
{
    [Test]
    public void An_insert_gets_the_new_id_in_both_dialects_however_its_lines_are_broken()
    {
        var sql = DbSession.ReturningId("INSERT INTO Offices (\n    Code,\n    NameEn\n)\nVALUES (\n    @Code,\n    @NameEn\n)");

        Assert.Multiple(() =>
        {
            Assert.That(sql.Sqlite, Does.EndWith("\nRETURNING Id;"));
            Assert.That(sql.SqlServer, Is.EqualTo("INSERT INTO Offices (\n    Code,\n    NameEn\n) OUTPUT INSERTED.Id\nVALUES (\n    @Code,\n    @NameEn\n);"));
        });
    }

    [TestCase("INSERT INTO Offices (Code) SELECT Code FROM Offices", TestName = "An insert without VALUES is refused")]
    [TestCase("INSERT INTO Offices (Code) VALUES (@A) ; INSERT INTO Offices (Code) VALUES (@B)", TestName = "Two inserts are refused")]
    public void An_insert_without_one_place_for_OUTPUT_is_refused(string insertSql)
    {
        Assert.That(() => DbSession.ReturningId(insertSql), Throws.ArgumentException.With.Message.Contains(") VALUES ("));
    }
}
