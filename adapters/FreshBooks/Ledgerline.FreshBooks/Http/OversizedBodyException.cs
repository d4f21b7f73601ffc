namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// An answer larger than <see cref="FreshBooksResponseBody.MaxBytes"/>, declared so (Content-Length) or found so while
/// reading; it is not read further. Not a transport failure: FreshBooks answered, with something Ledgerline will not read.
/// </summary>
internal sealed class OversizedBodyException(int status, long? declaredLength, byte[] start)
    : Exception("The FreshBooks response is larger than Ledgerline reads.")
{
    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; } = status;

    /// <summary>The Content-Length the answer declared, when it declared one.</summary>
    public long? DeclaredLength { get; } = declaredLength;

    /// <summary>Why the answer was not read, for the Ledgerline error.</summary>
    public string Reason => DeclaredLength is { } length
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"FreshBooks answered with a body larger than Ledgerline reads ({length} bytes declared, at most {FreshBooksResponseBody.MaxBytes} read)")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"FreshBooks answered with a body larger than Ledgerline reads (more than {FreshBooksResponseBody.MaxBytes} bytes)");

    /// <summary>The first bytes that arrived (at most a few KB, for the excerpt); empty when the length was declared.</summary>
    public byte[] Start { get; } = start;
}
