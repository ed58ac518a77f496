using Azure.Data.Tables;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Journeys;

/// <summary>A journey's name and steps, for what reads them without its subject type (attribution, stats).</summary>
public interface IJourneyDefinition
{
    /// <summary>Lowercase letters: the first part of every step's message key (<see cref="Messages.JourneyStep"/>).</summary>
    string Name { get; }

    IReadOnlyList<JourneyStepOptions> Steps { get; }

    /// <summary>The stats counter for a subject whose first step went ("abandoned" for carts).</summary>
    string EnteredCounter { get; }

    /// <summary>The stats counter for an order attributed to a step ("recovered" for carts).</summary>
    string ConvertedCounter { get; }
}

/// <summary>
/// What makes one journey: how its subject is stored, when its steps fall due, what each sends and what else stops it.
/// The engine (<see cref="JourneyRunner"/>, <see cref="JourneyStore{TState}"/>) does the rest the same way for all.
/// </summary>
public abstract class Journey<TState> : IJourneyDefinition
    where TState : class, IJourneySubject
{
    public abstract string Name { get; }

    public abstract JourneyOptions Options { get; }

    public IReadOnlyList<JourneyStepOptions> Steps => Options.Steps;

    public virtual string EnteredCounter => "entered";

    public virtual string ConvertedCounter => "converted";

    /// <summary>The subject's properties (the store sets the keys).</summary>
    public abstract TableEntity ToEntity(TState state);

    public abstract TState FromEntity(TableEntity entity);

    /// <summary>The step after <paramref name="step"/> (-1: the first) and when it falls due; null when none is left.</summary>
    public abstract (int Step, DateTimeOffset DueAt)? NextAfter(TState state, int step, DateTimeOffset now);

    public abstract TState WithProgress(TState state, int nextStep, DateTimeOffset? nextDueAt, int reminded);

    public abstract TState Stopped(TState state, string reason);

    /// <summary>A reason beyond consent (which the engine asks of the one consent policy) not to send the step; null to send.</summary>
    public virtual Task<string?> StopReasonAsync(TState state, DateTimeOffset now, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>The step as a send request, keyed by its <see cref="Messages.JourneyStep"/>, for the senders to check and send like any other.</summary>
    public abstract SendRequest Message(TState state, int step, JourneyStepOptions definition);

    public Messages.JourneyStep StepOf(TState state, int step) => new(Name, state.Subject, state.Sequence, step);

    protected string LanguageOf(JourneyStepOptions step, string? subjectLanguage) => step.Language ?? subjectLanguage ?? Options.DefaultLanguage;
}
