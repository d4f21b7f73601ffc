using FluentValidation.Results;

namespace Ledgerline.Pipeline;

/// <summary>An entity's validators, typed away so one guard serves every entity. A missing validator checks nothing.</summary>
internal sealed record EntityValidators(
    Func<object, ValidationResult>? Draft,
    Func<object, ValidationResult>? Changes,
    Func<object, ValidationResult>? Query);
