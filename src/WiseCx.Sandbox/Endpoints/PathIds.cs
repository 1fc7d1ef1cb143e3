namespace WiseCx.Sandbox.Endpoints;

/// <summary>Ids taken from the URL path: anything that is not a plain number is simply an id that does not exist (404).</summary>
internal static class PathIds
{
    public static long Parse(string text, string thing) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw NotFound(thing, text);

    /// <summary>The API-wide "&lt;Thing&gt; &lt;id&gt; not found." answer.</summary>
    public static ApiException NotFound(string thing, object id) => ApiException.NotFound($"{thing} {id} not found.");
}
