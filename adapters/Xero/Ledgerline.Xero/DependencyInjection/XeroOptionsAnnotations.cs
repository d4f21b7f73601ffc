using Microsoft.Extensions.Options;

namespace Ledgerline.Xero;

/// <summary>
/// The data annotations on <see cref="XeroOptions"/> (<c>[Required]</c>, <c>[Range]</c>), checked by code the options
/// source generator writes rather than by <c>ValidateDataAnnotations()</c>, which reads the attributes by reflection and
/// so cannot run in a trimmed or Native AOT app.
/// </summary>
[OptionsValidator]
internal sealed partial class XeroOptionsAnnotations : IValidateOptions<XeroOptions>;
