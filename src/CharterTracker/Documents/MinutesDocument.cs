using CharterTracker.Meetings;

namespace CharterTracker.Documents;

/// <summary>Everything the minutes print, already in the document's language and digits.</summary>
public sealed record MinutesDocument
{
    public required DocumentText Text { get; init; }
    public required Meeting Meeting { get; init; }

    /// <summary>The ministry or division the meeting's office belongs to (the office itself when it is one).</summary>
    public required string Ministry { get; init; }
    public required string OfficeName { get; init; }
    public required IReadOnlyList<Attendee> Present { get; init; }

    /// <summary>What identifies the data the document came from: the meeting and its version.</summary>
    public string SourceVersion => $"Meeting#{Meeting.Id}v{Meeting.Version}";
}
