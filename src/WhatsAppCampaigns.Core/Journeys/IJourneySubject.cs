namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>What the engine reads of a journey's subject (a cart, an appointment, an order line).</summary>
public interface IJourneySubject
{
    /// <summary>The subject's id within its journey (a cart id); the row key of its state.</summary>
    string Subject { get; }

    string Phone { get; }

    /// <summary>Grows when the subject starts over (a cart updated, an appointment moved): part of every step's message key.</summary>
    int Sequence { get; }

    /// <summary>Index of the next step (0-based).</summary>
    int NextStep { get; }

    /// <summary>When that step is due; null when nothing is.</summary>
    DateTimeOffset? NextDueAt { get; }

    /// <summary>Steps enqueued in this sequence; the first one counts the subject as entered.</summary>
    int Reminded { get; }

    /// <summary>False once the subject ended (bought, cancelled, stopped): nothing more is due.</summary>
    bool IsActive { get; }
}
