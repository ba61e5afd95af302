package org.broadsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.proofread.NewsroomDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "dictionary",
    mixinStandardHelpOptions = true,
    description =
        "The newsroom's dictionary: names of places, people and outlets the proofreader takes as"
            + " correctly spelt.",
    subcommands = {
      DictionaryCommand.Add.class,
      DictionaryCommand.Remove.class,
      DictionaryCommand.ListWords.class
    })
final class DictionaryCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds words, as written: case matters (\"Kestrelmouth\"), except that a word added in"
            + " lower case is taken in any capitals.",
        "One word each; a name of several words goes in word by word.",
        "Exit status: 0 when every word is in the dictionary, 2 when one was refused."
      })
  static final class Add implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Override
    public Integer call() {
      int refused = 0;
      try (Application application = site.open()) {
        for (String word : words) {
          switch (application.dictionary().add(word)) {
            case NewsroomDictionary.Change.Added added ->
                System.out.println("added " + added.word());
            case NewsroomDictionary.Change.AlreadyThere there ->
                System.out.println(there.word() + " is in the dictionary already");
            case NewsroomDictionary.Change.Refused bad -> {
              refused++;
              System.err.println("broadsheet: \"" + bad.word() + "\": " + bad.reason());
            }
            case NewsroomDictionary.Change other ->
                throw new IllegalStateException(other.toString());
          }
        }
      }
      return refused == 0 ? 0 : 2;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Removes words, written as they were added.",
        "Exit status: 0 when every word was there, 1 when one was not."
      })
  static final class Remove implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(arity = "1..*", paramLabel = "WORD")
    List<String> words;

    @Override
    public Integer call() {
      int missing = 0;
      try (Application application = site.open()) {
        for (String word : words) {
          switch (application.dictionary().remove(word)) {
            case NewsroomDictionary.Change.Removed removed ->
                System.out.println("removed " + removed.word());
            case NewsroomDictionary.Change.NotThere absent -> {
              missing++;
              System.err.println("broadsheet: \"" + absent.word() + "\" is not in the dictionary");
            }
            case NewsroomDictionary.Change other ->
                throw new IllegalStateException(other.toString());
          }
        }
      }
      return missing == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the words, one a line, in order.")
  static final class ListWords implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(names = "--json", description = "Print a JSON list for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        List<String> words = application.dictionary().words();
        if (json) {
          System.out.println(new ObjectMapper().writeValueAsString(words));
        } else {
          words.forEach(System.out::println);
        }
      }
      return 0;
    }
  }
}
