using System.Text;

namespace WhatsAppCampaigns.Core.Messages;

/// <summary>Which funnel counters one transition increments (see <see cref="CampaignFunnel"/> for the names).</summary>
internal static class FunnelCounters
{
    public const string Done = "done";

    private static readonly (MessageState State, string Name)[] HappyPath =
    [
        (MessageState.Accepted, "accepted"),
        (MessageState.Sent, "sent"),
        (MessageState.Delivered, "delivered"),
        (MessageState.Read, "read"),
    ];

    /// <param name="from">Null for a message seen for the first time.</param>
    public static IReadOnlyList<string> For(MessageState? from, MessageTransition transition, string? variant)
    {
        var names = new List<string>();
        switch (transition.To)
        {
            case MessageState.Failed:
                names.Add("failed");
                if (transition.ErrorCode is { } code)
                {
                    names.Add($"failed_{code}");
                }

                break;
            case MessageState.Skipped:
                names.Add("skipped");
                names.Add($"skipped_{Sanitize(transition.Reason ?? "unspecified")}");
                break;
            default:
                // Every happy-path state passed through counts once: read implies delivered implies sent.
                var start = from ?? MessageState.Pending;
                names.AddRange(HappyPath.Where(s => s.State > start && s.State <= transition.To).Select(s => s.Name));
                break;
        }

        if (!string.IsNullOrEmpty(variant))
        {
            var prefix = $"v_{Sanitize(variant)}_";
            names.AddRange(names.ToArray().Select(n => prefix + n));
        }

        // The first outcome a message reaches makes it done, once: what sending progress counts.
        if ((from ?? MessageState.Pending) <= MessageState.Claimed && transition.To > MessageState.Claimed)
        {
            names.Add(Done);
        }

        return names;
    }

    public static string Waiting(string reason) => CampaignFunnel.WaitingPrefix + Sanitize(reason);

    public static string NextAttempt(string reason) => "next_" + Sanitize(reason);

    /// <summary>Table property names allow letters, digits and underscores.</summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }
}
