using System.Globalization;
using Lnemis.Institutions.Domain;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>A field an import kind understands; the mapping step ties it to a column of the file.</summary>
public sealed record ImportField(string Name, bool Required, string Description, params string[] Synonyms);

/// <summary>A bad value in a row: reported by the dry run with the row number, column and value.</summary>
public sealed record RowError(int Row, string? Column, string? Value, string Message);

/// <summary>The fields of each import kind. Keys (codes, numbers) make re-running a file change nothing.</summary>
public static class ImportFieldCatalog
{
    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.Institutions =>
        [
            new("code", true, "Ministry-issued code (the key).", "institution code", "school code", "emis code"),
            new("name", true, "Name.", "institution name", "school name"),
            new("type", true, "PrePrimary, Primary, Secondary, Combined, Vocational, SpecialNeeds or Tertiary.", "institution type", "school type"),
            new("ownership", true, "Public, Private, FaithBased or Community."),
            new("areaCode", true, "Code of the (lowest-level) area.", "area", "district", "district code"),
            new("levels", false, "Level codes separated by spaces.", "levels offered"),
            new("latitude", false, "Decimal degrees.", "lat"),
            new("longitude", false, "Decimal degrees.", "lon", "lng", "long"),
            new("address", false, "Postal or physical address."),
            new("phone", false, "Phone number.", "telephone"),
            new("email", false, "E-mail address.", "e-mail"),
            new("classroomsUsable", false, "Usable classrooms.", "classrooms"),
            new("classroomsUnusable", false, "Unusable classrooms."),
            new("hasWater", false, "yes/no.", "water"),
            new("hasElectricity", false, "yes/no.", "electricity"),
            new("hasInternet", false, "yes/no.", "internet"),
            new("toiletsMale", false, "Toilets for boys/men."),
            new("toiletsFemale", false, "Toilets for girls/women."),
            new("toiletsShared", false, "Shared toilets."),
            new("shift", false, "Single, Double or Triple."),
        ],
        ImportKind.Learners =>
        [
            new("learnerNumber", false, "National learner number, to update a known learner (key).", "learner id", "upi", "nemis number"),
            new("institutionCode", true, "Code of the learner's institution.", "school code", "institution"),
            new("admissionNumber", false, "The school's admission number (key with the institution code when there is no learner number).", "admission no", "adm no"),
            new("givenName", true, "Given (first) name.", "first name", "firstname", "given names"),
            new("familyName", true, "Family name (surname).", "surname", "last name", "lastname"),
            new("otherNames", false, "Middle or other names.", "middle name", "middle names"),
            new("sex", true, "Female or Male (F/M).", "gender"),
            new("dateOfBirth", true, "YYYY-MM-DD (or an Excel date).", "dob", "birth date", "date of birth"),
            new("hasBirthCertificate", false, "yes/no.", "birth certificate"),
            new("specialNeeds", false, "Special needs, separated by semicolons.", "disability", "disabilities"),
            new("guardianName", false, "A parent or guardian's name.", "parent", "parent name", "guardian"),
            new("guardianRelationship", false, "Mother, father, …", "relationship"),
            new("guardianPhone", false, "The guardian's phone.", "parent phone"),
        ],
        ImportKind.Staff =>
        [
            new("staffNumber", true, "Staff (payroll/TSC) number (the key).", "staff no", "tsc number", "payroll number", "employee number"),
            new("institutionCode", true, "Code of the institution of the current posting; another code than the staff member's posts them there.", "school code", "institution"),
            new("givenName", true, "Given (first) name.", "first name", "firstname"),
            new("familyName", true, "Family name (surname).", "surname", "last name", "lastname"),
            new("sex", true, "Female or Male (F/M).", "gender"),
            new("dateOfBirth", true, "YYYY-MM-DD (or an Excel date).", "dob", "birth date", "date of birth"),
            new("category", true, "Teaching or NonTeaching.", "staff category", "type"),
            new("phone", false, "Phone number.", "telephone", "mobile"),
            new("email", false, "E-mail address.", "e-mail"),
            new("position", false, "Position at the institution (Teacher, Head teacher, Bursar, …).", "title", "role", "designation"),
            new("teachingLevel", false, "Level code taught (teachers).", "level taught", "level"),
            new("startsOn", false, "YYYY-MM-DD the posting started (today when empty).", "posting date", "start date", "date posted"),
            new("qualification", false, "A qualification held, e.g. Diploma in Primary Education.", "qualifications", "highest qualification"),
            new("qualificationLevels", false, "Level codes the qualification covers, separated by spaces.", "qualified for"),
        ],
        _ =>
        [
            new("learnerNumber", false, "National learner number (or institution code + admission number).", "learner id", "upi"),
            new("institutionCode", true, "Code of the institution.", "school code"),
            new("admissionNumber", false, "Admission number at the institution.", "admission no", "adm no"),
            new("academicYear", true, "Academic year code, e.g. 2026.", "year", "academic year code"),
            new("grade", true, "Grade code, e.g. PRIMARY-3.", "grade code", "class"),
            new("repeater", false, "yes/no.", "repeating"),
        ],
    };

    /// <summary>Matches the file's headers to fields by name or synonym, ignoring case, spaces and punctuation.</summary>
    public static Dictionary<string, string> Suggest(ImportKind kind, IReadOnlyList<string> headers)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            byKey.TryAdd(Key(header), header);
        }

        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in For(kind))
        {
            var match = field.Synonyms.Prepend(field.Name).Select(Key).FirstOrDefault(byKey.ContainsKey);
            if (match is not null)
            {
                mapping[field.Name] = byKey[match];
            }
        }

        return mapping;
    }

    public static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>Typed access to one row through the mapping, collecting errors as it goes.</summary>
public sealed class RowReader(SourceRow row, IReadOnlyDictionary<string, (int Index, string Column)> mapping, List<RowError> errors)
{
    public int Number => row.Number;

    public bool HasErrors { get; private set; }

    public string? Text(string field, int maxLength = 200, bool required = false)
    {
        if (!mapping.TryGetValue(field, out var at))
        {
            return null;
        }

        var value = at.Index < row.Cells.Length ? row.Cells[at.Index].Trim() : "";
        if (value.Length == 0)
        {
            if (required)
            {
                Fail(field, value, "A value is required.");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(field, value[..Math.Min(value.Length, 60)] + "…", $"At most {maxLength} characters.");
            return null;
        }

        return value;
    }

    public string Required(string field, int maxLength = 200) => Text(field, maxLength, required: true) ?? "";

    public TEnum? Enum<TEnum>(string field, bool required, params (string Alias, TEnum Value)[] aliases)
        where TEnum : struct, System.Enum
    {
        var value = Text(field, 50, required);
        if (value is null)
        {
            return null;
        }

        foreach (var (alias, mapped) in aliases)
        {
            if (string.Equals(alias, value, StringComparison.OrdinalIgnoreCase))
            {
                return mapped;
            }
        }

        var compact = ImportFieldCatalog.Key(value);
        foreach (var name in System.Enum.GetNames<TEnum>())
        {
            if (ImportFieldCatalog.Key(name) == compact)
            {
                return System.Enum.Parse<TEnum>(name);
            }
        }

        Fail(field, value, $"Use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public DateOnly? Date(string field, bool required)
    {
        var value = Text(field, 30, required);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/MM/dd", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Excel stores dates as day numbers.
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2_958_465)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        Fail(field, value, "Not a date; use YYYY-MM-DD.");
        return null;
    }

    public int? Int(string field, int min = 0, int max = 100_000)
    {
        var value = Text(field, 20);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(field, value, $"Use a whole number from {min} to {max}.");
        return null;
    }

    public double? Decimal(string field, double min, double max)
    {
        var value = Text(field, 30);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(field, value, $"Use a number from {min} to {max}.");
        return null;
    }

    public bool? Bool(string field)
    {
        var value = Text(field, 10);
        if (value is null)
        {
            return null;
        }

        switch (value.ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "1" or "x":
                return true;
            case "no" or "n" or "false" or "0":
                return false;
            default:
                Fail(field, value, "Use yes or no.");
                return null;
        }
    }

    public void Fail(string field, string? value, string message)
    {
        HasErrors = true;
        errors.Add(new RowError(row.Number, mapping.TryGetValue(field, out var at) ? at.Column : field, value, message));
    }
}
