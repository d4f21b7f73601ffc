using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Ledgerline.Connections;

/// <summary>
/// Encrypts the tokens a durable connection store writes, with ASP.NET Core Data Protection, so a copy of the database (a
/// backup, a replica, a dump) hands out no provider grant. Stores call it on every write and read; register it with
/// <c>ProtectConnectionTokens()</c> after <c>services.AddDataProtection()</c> with a key ring every app instance shares.
/// </summary>
/// <remarks>
/// A protected value is <c>ll-dp1:</c> followed by the base64 Data Protection payload, which names the key that sealed it:
/// after a key roll, rows sealed with an older key stay readable as long as that key is in the ring (Data Protection keeps
/// expired keys for decryption). Each value is bound to its connection id, so a ciphertext copied onto another
/// connection's row does not open. Values without the prefix were written before encryption was turned on; they are read
/// as they are and sealed on the next write.
/// </remarks>
public sealed class ConnectionTokenProtector
{
    /// <summary>The Data Protection purpose string; changing it makes every stored token unreadable.</summary>
    public const string Purpose = "Ledgerline.Connections.Tokens.v1";

    private const string Prefix = "ll-dp1:";

    private readonly IDataProtector? _protector;

    /// <summary>Creates a protector that seals tokens with keys from <paramref name="dataProtectionProvider"/>.</summary>
    /// <param name="dataProtectionProvider">The application's Data Protection provider.</param>
    public ConnectionTokenProtector(IDataProtectionProvider dataProtectionProvider)
    {
        ArgumentNullException.ThrowIfNull(dataProtectionProvider);
        _protector = dataProtectionProvider.CreateProtector(Purpose);
    }

    private ConnectionTokenProtector()
    {
    }

    /// <summary>
    /// Stores tokens as given (no encryption configured). It still refuses to read an encrypted value, so a store that
    /// lost its encryption setting fails loudly instead of handing ciphertext to a provider.
    /// </summary>
    public static ConnectionTokenProtector None { get; } = new();

    /// <summary>Whether tokens are encrypted before they are stored.</summary>
    public bool IsEncrypting => _protector is not null;

    /// <summary>Returns what to store for <paramref name="token"/> of connection <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection the token belongs to; the sealed value only opens for it.</param>
    /// <param name="token">The token in clear.</param>
    public string Protect(string connectionId, string token)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(token);
        return _protector is null
            ? token
            : Prefix + Convert.ToBase64String(_protector.CreateProtector(connectionId).Protect(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Returns the token in clear from the value a store read for connection <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection the value was read for.</param>
    /// <param name="stored">The stored value.</param>
    /// <exception cref="ConnectionStoreException">
    /// The value is sealed and cannot be opened here (<see cref="ConnectionStoreFailure.SecretsUnreadable"/>).
    /// </exception>
    public string Unprotect(string connectionId, string stored)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        if (_protector is null)
        {
            throw new ConnectionStoreException(
                ConnectionStoreFailure.SecretsUnreadable,
                $"The tokens of connection '{connectionId}' are stored encrypted, but this application has no token encryption " +
                "configured. Call services.AddDataProtection() with the shared key ring and ProtectConnectionTokens().");
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
            return Encoding.UTF8.GetString(_protector.CreateProtector(connectionId).Unprotect(sealedBytes));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new ConnectionStoreException(
                ConnectionStoreFailure.SecretsUnreadable,
                $"The tokens of connection '{connectionId}' were encrypted with a Data Protection key this application does not " +
                "have (another key ring, another application name, or a removed or revoked key). Point every instance at the " +
                "same key ring (PersistKeysTo…, SetApplicationName); the stored tokens are kept unchanged.",
                ex);
        }
    }

    /// <summary>Whether <paramref name="stored"/> is a sealed value (as opposed to a token stored in clear).</summary>
    /// <param name="stored">A value a store read.</param>
    public static bool IsProtected(string stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
