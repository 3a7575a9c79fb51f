using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Data;

/// <summary>
/// Dates travel as ISO text in SQLite (so they sort and compare as strings) and as native <c>date</c> /
/// <c>datetime2</c> on SQL Server. SqlClient 2.1.4 does not know DateOnly, hence explicit handlers.
/// Registered once, before any query runs.
/// </summary>
public static class TypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.RemoveTypeMap(typeof(TimeOnly));
        SqlMapper.RemoveTypeMap(typeof(TimeOnly?));
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new TimeOnlyHandler());
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
    }

    public const string DateFormat = "yyyy-MM-dd";
    public const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(DateFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            string text => DateOnly.ParseExact(text.Length > 10 ? text[..10] : text, DateFormat, CultureInfo.InvariantCulture),
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            DateOnly date => date,
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }

    private sealed class TimeOnlyHandler : SqlMapper.TypeHandler<TimeOnly>
    {
        public override void SetValue(IDbDataParameter parameter, TimeOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Time;
                parameter.Value = value.ToTimeSpan();
            }
        }

        public override TimeOnly Parse(object value) => value switch
        {
            string text => TimeOnly.Parse(text, CultureInfo.InvariantCulture),
            TimeSpan span => TimeOnly.FromTimeSpan(span),
            DateTime dateTime => TimeOnly.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read a time from {value.GetType().Name}."),
        };
    }

    /// <summary>Every stored instant is UTC; the deployment's time zone applies only when turning it into a calendar date.</summary>
    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = utc.ToString(UtcFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTime2;
                parameter.Value = utc;
            }
        }

        public override DateTime Parse(object value) => value switch
        {
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            DateTime dateTime => DateTime.SpecifyKind(dateTime, DateTimeKind.Utc),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
    }
}
