using FluentValidation.Results;

namespace Ledgerline.Pipeline;

/// <summary>
/// An entity's validators, typed away so one guard serves every entity: draft, changes, query, and the input of the
/// entity's own operation when it takes one (a credit allocation). A missing validator checks nothing.
/// </summary>
internal sealed record EntityValidators(
    Func<object, ValidationResult>? Draft,
    Func<object, ValidationResult>? Changes,
    Func<object, ValidationResult>? Query,
    Func<object, ValidationResult>? Action = null);
