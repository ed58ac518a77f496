namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>Maps Graph error codes to what the sender should do (the fact sheet's retry table).</summary>
public static class GraphErrorClassifier
{
    /// <summary>Meta asks to wait at least this long after a per-user marketing limit (131049).</summary>
    public static readonly TimeSpan PerUserMarketingBackoff = TimeSpan.FromHours(24);

    private static readonly TimeSpan ThroughputBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PairRateBackoff = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan ApiRateBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TransientBackoff = TimeSpan.FromSeconds(2);

    public static ErrorClass Classify(int code, int httpStatus = 400) => code switch
    {
        130429 or 131056 or 131049 or 4 or 80007 => ErrorClass.RateLimited,
        131000 or 131016 or 133004 or 131057 or 1 or 2 => ErrorClass.Transient,
        131050 or 131026 or 131047 or 130472 or 130497 => ErrorClass.RecipientPermanent,
        >= 132000 and < 133000 => ErrorClass.TemplatePermanent,
        190 or 0 or 3 or 10 or 131005 or 368 or 131031 or 131048 or 131063 or (>= 200 and < 300) => ErrorClass.AuthOrAccount,
        _ when httpStatus >= 500 => ErrorClass.Transient,
        _ => ErrorClass.InvalidRequest,
    };

    /// <summary>The wait Meta suggests for a code; <paramref name="attempt"/> (1-based) grows the pair-rate wait as 4^attempt seconds.</summary>
    public static TimeSpan? SuggestedDelay(int code, int attempt = 1) => code switch
    {
        130429 => ThroughputBackoff,
        131056 => TimeSpan.FromSeconds(Math.Max(PairRateBackoff.TotalSeconds, Math.Pow(4, Math.Min(attempt, 6)))),
        131049 => PerUserMarketingBackoff,
        4 or 80007 => ApiRateBackoff,
        _ when Classify(code) == ErrorClass.Transient => TransientBackoff,
        _ => null,
    };

    public static GraphError Create(int code, string message, int httpStatus = 400, int? subcode = null, string? details = null, string? fbTraceId = null)
    {
        var errorClass = Classify(code, httpStatus);
        var retryAfter = errorClass is ErrorClass.RateLimited or ErrorClass.Transient ? SuggestedDelay(code) ?? TransientBackoff : (TimeSpan?)null;
        return new GraphError(code, message, errorClass, retryAfter, httpStatus, subcode, details, fbTraceId);
    }
}
