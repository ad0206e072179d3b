package dev.sequelj.executor;

import dev.sequelj.ast.model.Pluralizer;
import org.atteo.evo.inflector.English;

/** Sequelize's table-name pluralization ({@code user} → {@code users}, {@code person} → {@code people}), by evo-inflector. */
public final class EnglishPluralizer implements Pluralizer {
    public static final EnglishPluralizer INSTANCE = new EnglishPluralizer();

    private EnglishPluralizer() {}

    @Override
    public String pluralize(String word) {
        return English.plural(word);
    }
}
