"""Topics the knowledge base has no rules for, such as app faults and other platforms, until it covers them."""
from __future__ import annotations


def test_the_story_before_a_question_counts_for_faults_but_not_for_platforms() -> None:
    """'The app updated and the button is gone. how do I get it back?' tells the fault before asking;
    'I also sell on amazon. how long do I have to post?' asks nothing about Amazon."""
    from assistant.scope import unknown_topic

    fault = "the Add link button is gone since the last app update. how do i get it back?"
    assert "app update" in unknown_topic("how do i get it back?", lambda pattern: 0, fault)
    platform = "I also sell on amazon. how long do i have to post my free sample video?"
    assert unknown_topic("how long do i have to post my free sample video?", lambda pattern: 0, platform) == ""


def test_a_topic_rule_turns_off_once_the_knowledge_base_covers_it() -> None:
    from assistant.scope import MIN_TOPIC_CHUNKS, unknown_topic

    question = "the app crashes when I open my showcase"
    assert "crashes" in unknown_topic(question, lambda pattern: 0)
    assert unknown_topic(question, lambda pattern: MIN_TOPIC_CHUNKS) == ""
    assert unknown_topic("is a crash course on LIVE selling worth it?", lambda pattern: 0) == ""
    assert unknown_topic("my amazon order", lambda pattern: 1 if "amazon" in pattern else 9)
    # the same words about what the knowledge base does cover
    for covered in ("since the last update to the sample rules, how many can i request?", "can i post a cleaning hack video?",
                    "can i say this diamond ring is certified?", "my sample's tracking number hasn't moved in a week",
                    "i changed my email, do i need to redo my tax info?",
                    "if the buyer gets a refund do i lose my commission?",
                    # sending buyers elsewhere is off-platform traffic, which the knowledge base covers
                    "the brand also sells on amazon, can i tell people in my video to buy it there?"):
        assert unknown_topic(covered, lambda pattern: 0) == "", covered


def test_a_passing_mention_of_reach_before_the_clause_that_asks_is_not_the_topic() -> None:
    """'I've seen way worse on my fyp lol, can I just say it in the video?' asks about a claim, not about reach; the
    domain file marks reach as a topic only when asked. A platform named before the clause that asks still counts."""
    from assistant.scope import unknown_topic

    assert unknown_topic("I've seen way worse on my fyp lol, can I just say it in the video?", lambda pattern: 0) == ""
    assert "fyp" in unknown_topic("why is my video not on the fyp, it's been 2 days?", lambda pattern: 0)
    assert "algorithm" in unknown_topic("my views dropped, is it the algorithm?", lambda pattern: 0)
    assert "amazon" in unknown_topic("I also sell on amazon, what fees does amazon charge?", lambda pattern: 0)


def test_a_sentence_that_tells_of_reach_before_the_one_that_asks_is_not_the_topic() -> None:
    """A sentence before the question tells, as a clause does: "… so the algorithm picks it up. it's only likes, so
    that's allowed right??" asks whether bought likes are allowed, which the knowledge base answers. A question
    that asks about reach in its own sentence still names the topic."""
    from assistant.scope import unknown_topic

    told = ("there's an app that sends likes to every new video so the algorithm picks it up. "
            "it's only likes, not fake orders, so that's allowed right??")
    assert unknown_topic(told, lambda pattern: 0) == ""
    assert unknown_topic("some site sells 5k likes, it'd help the algorithm push my video. is that ok?",
                         lambda pattern: 0) == ""
    assert "algorithm" in unknown_topic("I bought likes last week. now the algorithm buries me, why??", lambda pattern: 0)
    assert "algorithm" in unknown_topic("views are down. the algorithm hates me?", lambda pattern: 0)
