using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.Recommendations.Tests;

public class DatasetTests
{
    [Fact]
    public void ClickFilesGroupConsecutiveRowsIntoSessions()
    {
        var sessions = SessionDataset.Parse(new StringReader("SessionId\tItemId\tTime\n1\t10\t5.5\n1\t11\t6\n2\t10\t7\n"));

        Assert.Equal(2, sessions.Count);
        Assert.Equal([10L, 11L], sessions[0].Items);
        Assert.Equal(6, sessions[0].LastTimestamp);
        Assert.Equal(2, sessions[1].Id);
    }

    [Fact]
    public void ClickFilesWithoutTheHeaderAreRejected() =>
        Assert.Throws<FormatException>(() => SessionDataset.Parse(new StringReader("1\t10\t5\n")));

    [Fact]
    public void ReferenceListsAreReadWithTheirScores()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "SessionId;Position;Recommendations;Scores\n3;1;10,11;1.0,0.28888888888888886\n");

            var list = Assert.Single(ReferenceRecommendations.Load(path));

            Assert.Equal((3L, 1), (list.SessionId, list.Position));
            Assert.Equal([new(10, 1), new(11, 0.28888888888888886)], list.Items);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StratifiedSplitKeepsThreeQuartersOfEveryUserForTraining()
    {
        var ratings = Enumerable.Range(0, 3).SelectMany(user => Enumerable.Range(0, 8).Select(item => new Rating(user, item, 1, 0))).ToArray();

        var (train, test) = StratifiedSplit.Split(ratings, 0.75, seed: 7);

        Assert.All(train.GroupBy(r => r.UserId), user => Assert.Equal(6, user.Count()));
        Assert.All(test.GroupBy(r => r.UserId), user => Assert.Equal(2, user.Count()));
        Assert.Equal(ratings.ToHashSet(), train.Concat(test).ToHashSet());
    }

    [Fact]
    public void TheSameSeedDrawsTheSameSplit()
    {
        var ratings = Enumerable.Range(0, 20).Select(item => new Rating(1, item, 1, 0)).ToArray();

        Assert.Equal(StratifiedSplit.Split(ratings, 0.75, 3).Test, StratifiedSplit.Split(ratings, 0.75, 3).Test);
        Assert.NotEqual(StratifiedSplit.Split(ratings, 0.75, 3).Test, StratifiedSplit.Split(ratings, 0.75, 4).Test);
    }

    [SkippableFact]
    public void TheDataFolderIsFoundBesideAnAncestor()
    {
        Skip.If(Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable) is not null, "the environment variable overrides the search");
        var root = Directory.CreateTempSubdirectory();
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root.FullName, "shared", "data"));
            var deep = Directory.CreateDirectory(Path.Combine(root.FullName, "main", "tests", "bin"));

            Assert.Equal(data.FullName, DataDirectory.Find(deep.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
