namespace Ledgerline.Connections;

/// <summary>
/// A stored connection to one provider account: its tokens, granted scopes and provider-specific settings
/// (for FreshBooks, the pinned <c>account_id</c> and <c>business_id</c>). Every write goes through
/// <see cref="IConnectionStore.TryUpdateAsync"/> with the <see cref="Version"/> it read, so two writers can never both win.
/// </summary>
public sealed record LedgerConnection
{
    /// <summary>The application's id for the connection (often the tenant id).</summary>
    public required string Id { get; init; }

    /// <summary>The provider's name, e.g. <c>FreshBooks</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The store's version of this record; it changes on every successful write.</summary>
    public long Version { get; init; }

    /// <summary>Whether the connection works or needs the user to authorize again.</summary>
    public ConnectionStatus Status { get; init; } = ConnectionStatus.Active;

    /// <summary>The current tokens, when the provider uses OAuth.</summary>
    public ConnectionTokens? Tokens { get; init; }

    /// <summary>The scopes the provider granted.</summary>
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Provider-specific settings, e.g. the FreshBooks account and business the connection is pinned to.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When the record was last written (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Writes the members for <see cref="ToString"/>: the scopes by name and the property names only (a provider may keep
    /// values there that belong in no log line); the tokens as <see cref="ConnectionTokens.ToString"/> shows them, hidden.
    /// </summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Provider = ").Append(Provider)
            .Append(", Version = ").Append(Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Status = ").Append(Status)
            .Append(", Tokens = ").Append(Tokens is null ? "null" : Tokens.ToString())
            .Append(", Scopes = [").AppendJoin(", ", Scopes.Order(StringComparer.Ordinal)).Append(']')
            .Append(", Properties = [").AppendJoin(", ", Properties.Keys.Order(StringComparer.Ordinal)).Append(']')
            .Append(", UpdatedAt = ").Append(UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>Whether a connection can be used.</summary>
public enum ConnectionStatus
{
    /// <summary>Usable.</summary>
    Active,

    /// <summary>The provider refused the stored grant; the user must authorize again.</summary>
    ReauthorizationRequired,
}

/// <summary>An OAuth token pair. <see cref="ToString"/> never shows the tokens.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="RefreshToken">The token that renews it (single-use on FreshBooks).</param>
/// <param name="ExpiresAt">When the access token expires (UTC).</param>
public sealed record ConnectionTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Describes the pair without revealing either token.</summary>
    public override string ToString() => $"ConnectionTokens {{ AccessToken = ***, RefreshToken = ***, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>
/// Where connections live. Writes are compare-and-swap on <see cref="LedgerConnection.Version"/>: an implementation must
/// apply an update only if the stored version still equals the expected one, atomically, and assign a new version.
/// Derive <c>ConnectionStoreContractTests</c> to prove an implementation honours this.
/// </summary>
public interface IConnectionStore
{
    /// <summary>Reads a connection; <see langword="null"/> when none has the id.</summary>
    Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a new connection, or replaces an existing one whatever its version (a fresh authorization wins). The stores
    /// Ledgerline ships refuse an id that breaks <see cref="ConnectionIdRule"/> with <see cref="LedgerValidationException"/>
    /// on <c>connection.Id</c> (a null or blank one as <c>BlankId</c>; their other methods refuse a null or blank id the
    /// same way, <see cref="ConnectionIdRule.ThrowIfBlank"/>, and still find an id saved before the rest of the rule applied).
    /// </summary>
    /// <returns>The stored record with its new version.</returns>
    Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the connection only if its stored version is still <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The stored record with its new version, or <see langword="null"/> when another writer got there first.</returns>
    Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes a connection; <see langword="false"/> when none had the id.</summary>
    Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default);
}
