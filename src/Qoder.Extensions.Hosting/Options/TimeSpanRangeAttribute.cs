using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// A <see cref="TimeSpan"/> range check. <c>[TimeSpanRange(...)]</c> converts its bounds through a
/// <c>TypeConverter</c> found by reflection, which trimming and native AOT cannot keep; the bounds here are parsed once.
/// The message reads like <see cref="RangeAttribute"/>'s.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public override bool IsValid(object? value) => value is not TimeSpan time || (time >= Minimum && time <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
