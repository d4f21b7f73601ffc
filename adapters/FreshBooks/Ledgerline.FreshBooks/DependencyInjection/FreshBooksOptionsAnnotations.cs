using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks;

/// <summary>
/// The data annotations on <see cref="FreshBooksOptions"/> (<c>[Required]</c>, <c>[Range]</c>), checked by code the options
/// source generator writes rather than by <c>ValidateDataAnnotations()</c>, which reads the attributes by reflection and
/// so cannot run in a trimmed or Native AOT app.
/// </summary>
[OptionsValidator]
internal sealed partial class FreshBooksOptionsAnnotations : IValidateOptions<FreshBooksOptions>;
