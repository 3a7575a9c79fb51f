using CharterTracker.Calendar;

namespace CharterTracker.Tests.Calendar;

public sealed class BengaliDigitsTests
{
    [Test]
    public void All_ten_Latin_digits_become_Bengali_digits() =>
        Assert.That(BengaliDigits.ToBengali("0123456789"), Is.EqualTo("০১২৩৪৫৬৭৮৯"));

    [Test]
    public void All_ten_Bengali_digits_become_Latin_digits() =>
        Assert.That(BengaliDigits.ToLatin("০১২৩৪৫৬৭৮৯"), Is.EqualTo("0123456789"));

    [Test]
    public void Characters_other_than_digits_are_left_alone_in_both_directions()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BengaliDigits.ToBengali("Memo 05.00/24-x আশ্বিন"), Is.EqualTo("Memo ০৫.০০/২৪-x আশ্বিন"));
            Assert.That(BengaliDigits.ToLatin("স্মারক ০৫.০০/২৪-x Ashwin"), Is.EqualTo("স্মারক 05.00/24-x Ashwin"));
            Assert.That(BengaliDigits.ToBengali(""), Is.Empty);
            Assert.That(BengaliDigits.ToLatin(""), Is.Empty);
        });
    }

    [Test]
    public void Mixed_script_digits_are_unified_in_either_direction()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BengaliDigits.ToBengali("1২3৪"), Is.EqualTo("১২৩৪"));
            Assert.That(BengaliDigits.ToLatin("1২3৪"), Is.EqualTo("1234"));
        });
    }

    [Test]
    public void Digits_of_other_scripts_are_not_converted() =>
        Assert.That(BengaliDigits.ToLatin("٣३"), Is.EqualTo("٣३"));

    [Test]
    public void Null_text_is_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => BengaliDigits.ToBengali((string)null!), Throws.ArgumentNullException);
            Assert.That(() => BengaliDigits.ToLatin(null!), Throws.ArgumentNullException);
        });
    }

    [TestCase(0, "০")]
    [TestCase(1431, "১৪৩১")]
    [TestCase(-42, "-৪২")]
    [TestCase(int.MaxValue, "২১৪৭৪৮৩৬৪৭")]
    public void Int_is_written_with_Bengali_digits(int value, string expected) =>
        Assert.That(BengaliDigits.ToBengali(value), Is.EqualTo(expected));

    [TestCase(9_000_000_000L, "৯০০০০০০০০০")]
    [TestCase(long.MinValue, "-৯২২৩৩৭২০৩৬৮৫৪৭৭৫৮০৮")]
    public void Long_is_written_with_Bengali_digits(long value, string expected) =>
        Assert.That(BengaliDigits.ToBengali(value), Is.EqualTo(expected));

    [Test]
    public void Twelve_and_a_half_with_two_decimals_is_twelve_point_five_zero() =>
        Assert.That(BengaliDigits.ToBengali(12.5m, 2), Is.EqualTo("১২.৫০"));

    [TestCase("0", 0, "০")]
    [TestCase("1234567.891", 2, "১২৩৪৫৬৭.৮৯")]
    [TestCase("2.345", 2, "২.৩৫")]
    [TestCase("-3.14159", 3, "-৩.১৪২")]
    [TestCase("7.5", 0, "৮")]
    public void Decimal_is_rounded_to_the_requested_places_without_grouping(string value, int decimals, string expected) =>
        Assert.That(BengaliDigits.ToBengali(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals),
            Is.EqualTo(expected));

    [Test]
    [SetCulture("de-DE")]
    public void Decimal_uses_a_dot_whatever_the_current_culture() =>
        Assert.That(BengaliDigits.ToBengali(12.5m, 2), Is.EqualTo("১২.৫০"));

    [Test]
    public void Negative_decimal_places_are_rejected() =>
        Assert.That(() => BengaliDigits.ToBengali(1m, -1), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase('0')]
    [TestCase('9')]
    [TestCase('০')]
    [TestCase('৯')]
    public void Latin_and_Bengali_digits_are_digits(char c) =>
        Assert.That(BengaliDigits.IsDigit(c), Is.True);

    [TestCase('.')]
    [TestCase('a')]
    [TestCase('ক')]
    [TestCase('/')]
    [TestCase(':')]
    [TestCase('\u09E5')]
    [TestCase('\u09F0')]
    [TestCase('٣')]
    public void Other_characters_are_not_digits(char c) =>
        Assert.That(BengaliDigits.IsDigit(c), Is.False);
}
