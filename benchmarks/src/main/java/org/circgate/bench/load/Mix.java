package org.circgate.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The operations a run drives and their weights: {@code 99}, {@code 11+09}, or a weighted list such as
 * {@code 23=6,63=2,11+09=2}. Each connection draws its next operation from its own random stream.
 */
final class Mix {
    private final List<Operation> operations;
    private final double[] cumulative;
    private final String text;

    private Mix(List<Operation> operations, double[] cumulative, String text) {
        this.operations = operations;
        this.cumulative = cumulative;
        this.text = text;
    }

    static Mix parse(String text) {
        List<Operation> operations = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            Operation operation = Operation.of(equals < 0 ? item : item.substring(0, equals).trim());
            double weight;
            try {
                weight = equals < 0 ? 1 : Double.parseDouble(item.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight in --mix: '" + item + "'", e);
            }
            if (!(weight > 0) || operations.contains(operation)) {
                throw new IllegalArgumentException("each --mix operation once, with a positive weight: '" + item + "'");
            }
            operations.add(operation);
            weights.add(weight);
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("--mix names no operation");
        }
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] cumulative = new double[weights.size()];
        double running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += weights.get(i) / sum;
            cumulative[i] = running;
        }
        cumulative[cumulative.length - 1] = 1.0;
        return new Mix(List.copyOf(operations), cumulative, text);
    }

    Operation next(SplittableRandom random) {
        if (operations.size() == 1) {
            return operations.get(0);
        }
        double draw = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return operations.get(i);
            }
        }
        return operations.get(operations.size() - 1);
    }

    List<Operation> operations() {
        return operations;
    }

    boolean usesItems() {
        return operations.stream().anyMatch(Operation::usesItems);
    }

    @Override
    public String toString() {
        return text;
    }
}
