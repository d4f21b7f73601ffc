using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ledgerline.FreshBooks.Errors;

/// <summary>One field FreshBooks complained about.</summary>
/// <param name="Field">FreshBooks' field name.</param>
/// <param name="Message">FreshBooks' message.</param>
/// <param name="Code">The errno, when given.</param>
internal sealed record ProviderFieldError(string Field, string Message, string? Code);
