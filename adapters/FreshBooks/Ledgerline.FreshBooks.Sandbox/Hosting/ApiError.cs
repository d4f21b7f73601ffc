namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>
/// One error a FreshBooks service reports. Accounting renders every part (errno table of the FreshBooks docs); the
/// project-like services render the errno, the field and the message.
/// </summary>
internal sealed record ApiError(int Errno, string? Field, string Message, string? Object = null, string? Value = null);
