using CharterTracker.Meetings;

namespace CharterTracker.Tests.Meetings;

public sealed class MemoNumberTests
{
    private const string SeedBengali = "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬";
    private const string SeedLatin = "05.00.0000.197.16.001.24.136";

    [Test]
    public void Seed_memo_in_Bengali_digits_round_trips_exactly()
    {
        var memo = MemoNumber.Parse(SeedBengali);
        Assert.Multiple(() =>
        {
            Assert.That(memo.Bengali, Is.EqualTo(SeedBengali));
            Assert.That(memo.Latin, Is.EqualTo(SeedLatin));
            Assert.That(memo.DigitCount, Is.EqualTo(18));
            Assert.That(memo.ToString(), Is.EqualTo(SeedLatin));
        });
    }

    [Test]
    public void Bengali_Latin_and_mixed_digit_input_parse_to_equal_memos()
    {
        var bengali = MemoNumber.Parse(SeedBengali);
        var latin = MemoNumber.Parse(SeedLatin);
        var mixed = MemoNumber.Parse("০5.00.০০০০.197.১৬.001.২৪.1৩6");
        Assert.Multiple(() =>
        {
            Assert.That(latin, Is.EqualTo(bengali));
            Assert.That(mixed, Is.EqualTo(bengali));
            Assert.That(latin.GetHashCode(), Is.EqualTo(bengali.GetHashCode()));
            Assert.That(latin.Bengali, Is.EqualTo(SeedBengali));
        });
    }

    [Test]
    public void Memos_differing_only_in_serial_are_not_equal() =>
        Assert.That(MemoNumber.Parse(SeedLatin), Is.Not.EqualTo(MemoNumber.Parse("05.00.0000.197.16.001.24.137")));

    [Test]
    public void Surrounding_whitespace_is_ignored() =>
        Assert.That(MemoNumber.Parse($"  \t{SeedBengali}\u00A0\n").Latin, Is.EqualTo(SeedLatin));

    [Test]
    public void Twenty_two_digit_form_has_an_extra_four_digit_group_before_the_serial()
    {
        var memo = MemoNumber.Parse("৫৬.০৪.০০০০.০১০.১৮.০০১.২৩.০০০৫.১২");
        Assert.Multiple(() =>
        {
            Assert.That(memo.Latin, Is.EqualTo("56.04.0000.010.18.001.23.0005.12"));
            Assert.That(memo.Bengali, Is.EqualTo("৫৬.০৪.০০০০.০১০.১৮.০০১.২৩.০০০৫.১২"));
            Assert.That(memo.DigitCount, Is.EqualTo(22));
        });
    }

    [TestCase("05.00.0000.197.16.001.24.1")]
    [TestCase("05.00.0000.197.16.001.24.123456")]
    public void Serial_may_have_one_to_six_digits(string input) =>
        Assert.That(MemoNumber.TryParse(input, out _, out _), Is.True);

    [Test]
    public void TryParse_reports_success_with_a_memo_and_no_error()
    {
        var parsed = MemoNumber.TryParse(SeedBengali, out var memo, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.True);
            Assert.That(memo?.Latin, Is.EqualTo(SeedLatin));
            Assert.That(error, Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_input_is_rejected_as_empty(string? input) =>
        AssertRejected(input, "Memo number is empty.");

    [TestCase("05.00.0000.197.16.001.24", "has 7 dot-separated groups but must have 8")]
    [TestCase("05.00.0000.197.16.001.24.0005.136.1", "has 10 dot-separated groups but must have 8")]
    [TestCase("05000000197160012413", "has 1 dot-separated group but must have 8")]
    public void Wrong_number_of_groups_is_rejected(string input, string expectedMessagePart) =>
        AssertRejected(input, expectedMessagePart);

    [TestCase("05.00.000.197.16.001.24.136", "Group 3 has 3 digits but must have 4 in the 18-digit form.")]
    [TestCase("৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬", "Group 1 has 1 digit but must have 2 in the 18-digit form.")]
    [TestCase("05.00.0000.197.16.001.2024.136", "Group 7 has 4 digits but must have 2 in the 18-digit form.")]
    [TestCase("05.00..197.16.001.24.0005.136", "Group 3 has 0 digits but must have 4 in the 22-digit form.")]
    [TestCase("05.00.0000.197.16.001.24.005.136", "Group 8 has 3 digits but must have 4 in the 22-digit form.")]
    public void Group_with_the_wrong_number_of_digits_is_rejected(string input, string expectedMessage) =>
        AssertRejected(input, expectedMessage);

    [TestCase("05.00.0000.197.16.001.24.", "Serial (group 8) has 0 digits but must have 1 to 6.")]
    [TestCase("05.00.0000.197.16.001.24.1234567", "Serial (group 8) has 7 digits but must have 1 to 6.")]
    [TestCase("05.00.0000.197.16.001.24.0005.1234567", "Serial (group 9) has 7 digits but must have 1 to 6.")]
    public void Serial_that_is_missing_or_too_long_is_rejected(string input, string expectedMessage) =>
        AssertRejected(input, expectedMessage);

    [TestCase("05.00.0000.x97.16.001.24.136", "non-digit character 'x' at position 12")]
    [TestCase("05-00-0000-197-16-001-24-136", "non-digit character '-' at position 3")]
    [TestCase("০৫.০০.০০০০.১৯৭.১৬.০০১.২৪/১৩৬", "non-digit character '/' at position 25")]
    [TestCase("05.00.0000.197. 16.001.24.136", "non-digit character ' ' at position 16")]
    [TestCase("স্মারক 05.00.0000.197.16.001.24.136", "non-digit character 'স' at position 1")]
    public void Non_digit_character_is_rejected_and_named(string input, string expectedMessagePart) =>
        AssertRejected(input, expectedMessagePart);

    [Test]
    public void Parse_throws_a_format_exception_carrying_the_reason() =>
        Assert.That(() => MemoNumber.Parse("05.00.0000.197.16.001.24"),
            Throws.TypeOf<FormatException>().With.Message.Contains("has 7 dot-separated groups"));

    [Test]
    public void Parse_rejects_null_as_a_programming_error() =>
        Assert.That(() => MemoNumber.Parse(null!), Throws.ArgumentNullException);

    private static void AssertRejected(string? input, string expectedMessagePart)
    {
        var parsed = MemoNumber.TryParse(input, out var memo, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(memo, Is.Null);
            Assert.That(error, Does.Contain(expectedMessagePart));
        });

        if (input is not null)
        {
            Assert.That(() => MemoNumber.Parse(input),
                Throws.TypeOf<FormatException>().With.Message.EqualTo(error));
        }
    }
}
