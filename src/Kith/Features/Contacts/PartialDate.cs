using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>
/// A date where each part may be unknown: a birthday without a year, a "we met in 2019".
/// Valid when the known parts can exist together (no 31 February, no 29 February in a known non-leap year).
/// </summary>
public sealed record PartialDate
{
    public int? Day { get; init; }
    public int? Month { get; init; }
    public int? Year { get; init; }

    public const int MinYear = 1;
    public const int MaxYear = 9999;

    public bool IsEmpty => Day is null && Month is null && Year is null;

    /// <summary>Null when valid, otherwise a message for the form.</summary>
    public string? Problem()
    {
        if (Year is < MinYear or > MaxYear) return $"The year must be between {MinYear} and {MaxYear}.";
        if (Month is < 1 or > 12) return "The month must be between 1 and 12.";
        if (Day is < 1 or > 31) return "The day must be between 1 and 31.";
        if (Day is not null && Month is null) return "A day needs a month.";
        if (Day is { } day && Month is { } month)
        {
            // Without a year, 29 February is allowed (a leap-day birthday); with one, the calendar decides.
            var max = Year is { } year ? DateTime.DaysInMonth(year, month) : DateTime.DaysInMonth(2000, month);
            if (day > max) return "That day does not exist in that month.";
        }
        return null;
    }

    /// <summary>Completed years at <paramref name="today"/>, when the year is known.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (Year is not { } year || Problem() is not null) return null;
        var age = today.Year - year;
        if (Month is { } month && (today.Month < month || (today.Month == month && Day is { } day && today.Day < day))) age--;
        return age < 0 ? null : age;
    }

    public override string ToString()
    {
        var culture = CultureInfo.CurrentCulture;
        return (Day, Month, Year) switch
        {
            ({ } d, { } m, { } y) => new DateOnly(y, m, d).ToString("D", culture),
            ({ } d, { } m, null) => new DateOnly(2000, m, d).ToString("M", culture),
            (null, { } m, { } y) => new DateOnly(y, m, 1).ToString("Y", culture),
            (null, { } m, null) => culture.DateTimeFormat.GetMonthName(m),
            (null, null, { } y) => y.ToString(culture),
            _ => "",
        };
    }
}

internal static class PartialDateConfiguration
{
    public static void Configure(ComplexPropertyBuilder<PartialDate> date, string prefix)
    {
        date.Property(d => d.Day).HasColumnName(prefix + "Day");
        date.Property(d => d.Month).HasColumnName(prefix + "Month");
        date.Property(d => d.Year).HasColumnName(prefix + "Year");
    }

    /// <summary>The database refuses impossible parts too; whole-date validity (31 February) is the model's job.</summary>
    public static void Check<T>(TableBuilder<T> table, string tableName, string prefix) where T : class
    {
        table.HasCheckConstraint($"CK_{tableName}_{prefix}Day", $"\"{prefix}Day\" IS NULL OR \"{prefix}Day\" BETWEEN 1 AND 31");
        table.HasCheckConstraint($"CK_{tableName}_{prefix}Month", $"\"{prefix}Month\" IS NULL OR \"{prefix}Month\" BETWEEN 1 AND 12");
        table.HasCheckConstraint($"CK_{tableName}_{prefix}Year", $"\"{prefix}Year\" IS NULL OR \"{prefix}Year\" BETWEEN 1 AND 9999");
    }
}
