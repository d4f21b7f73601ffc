namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// One FreshBooks webhook callback as Ledgerline remembers it: which account and connection it serves, what it is
/// subscribed to and, once verified, its verifier. The verifier is the key FreshBooks signs deliveries with, so it is a
/// secret: <see cref="ToString"/> never shows it, and Ledgerline never logs it.
/// </summary>
public sealed record WebhookCallbackSecret
{
    /// <summary>FreshBooks' callback id.</summary>
    public required string CallbackId { get; init; }

    /// <summary>The FreshBooks <c>account_id</c> the callback belongs to.</summary>
    public required string AccountId { get; init; }

    /// <summary>The application's connection that created the callback, when known.</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The FreshBooks event the callback is subscribed to (<c>invoice.create</c>, or <c>invoice</c> for all), when known.</summary>
    public string? EventName { get; init; }

    /// <summary>The verifier FreshBooks sent for the callback; <see langword="null"/> until the callback is verified.</summary>
    public string? Verifier { get; init; }

    /// <summary>Describes the callback without its verifier.</summary>
    public override string ToString() =>
        $"WebhookCallbackSecret {{ CallbackId = {CallbackId}, AccountId = {AccountId}, ConnectionId = {ConnectionId}, " +
        $"EventName = {EventName}, Verifier = {(Verifier is null ? "(none)" : "***")} }}";
}
