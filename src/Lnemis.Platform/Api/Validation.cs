using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Platform.Api;

public static class ValidationExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument; 400 with field errors when invalid.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>();
            var argument = context.Arguments.OfType<T>().FirstOrDefault();
            if (validator is null)
            {
                throw new InvalidOperationException($"No validator registered for {typeof(T).Name}.");
            }

            if (argument is null)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });
            }

            var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
            return result.IsValid ? await next(context) : Problems.Validation(CamelCaseKeys(result));
        });
        builder.ProducesValidationProblem();
        return builder;
    }

    /// <summary>Field names as the JSON has them ("scopeId", "items[0].name"), not as C# does.</summary>
    private static Dictionary<string, string[]> CamelCaseKeys(FluentValidation.Results.ValidationResult result) =>
        result.Errors
            .GroupBy(e => string.Join('.', e.PropertyName.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part))))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}

/// <summary>The problem documents the API answers with, so every module words them alike.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");

    public static IResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
