using ReadinessSurvey.Tests.TestSupport;

[assembly: TestCollectionOrderer(LongestFirst.TypeName, "ReadinessSurvey.Core.Tests")]
