using CharterTracker.Pipeline;

namespace CharterTracker.Kaizen;

/// <summary>
/// How a case moves on: Planned → InProgress → Implemented (a step may be skipped: a quick fix goes from planned to
/// implemented), or Abandoned from Planned or InProgress. Implemented and Abandoned are final.
/// </summary>
public static class KaizenTransitions
{
    public static bool Allowed(KaizenStatus from, KaizenStatus to) => from == to || (from, to) switch
    {
        (KaizenStatus.Planned, KaizenStatus.InProgress or KaizenStatus.Implemented or KaizenStatus.Abandoned) => true,
        (KaizenStatus.InProgress, KaizenStatus.Implemented or KaizenStatus.Abandoned) => true,
        _ => false,
    };

    public static string Refusal(KaizenStatus from, KaizenStatus to) => Say.Text(
        $"কাইজেনটি এখন \"{Bengali(from)}\"; একে \"{Bengali(to)}\" করা যায় না (ক্রম: পরিকল্পিত → চলমান → বাস্তবায়িত, অথবা বাস্তবায়নের আগে বাতিল)।",
        $"The case is {from}; it cannot become {to} (Planned → InProgress → Implemented, or Abandoned before it is implemented).");

    public static string Bengali(KaizenStatus status) => status switch
    {
        KaizenStatus.Planned => "পরিকল্পিত",
        KaizenStatus.InProgress => "চলমান",
        KaizenStatus.Implemented => "বাস্তবায়িত",
        _ => "বাতিল",
    };
}
