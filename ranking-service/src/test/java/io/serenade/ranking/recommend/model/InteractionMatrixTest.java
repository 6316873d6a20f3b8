package io.serenade.ranking.recommend.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionMatrixTest {

    @Test
    void rowsAreSortedAndDuplicatesKeepTheMax() {
        InteractionMatrix x = InteractionMatrix.builder(3, 5)
                .add(1, 4, 1.0).add(0, 2, 0.5).add(1, 0, 2.0).add(1, 4, 3.0).add(1, 4, 0.2).add(0, 1, 1.0)
                .build();
        assertThat(x.users()).isEqualTo(3);
        assertThat(x.items()).isEqualTo(5);
        assertThat(x.nnz()).isEqualTo(4);
        assertThat(x.itemsOf(0)).containsExactly(1, 2);
        assertThat(x.valuesOf(0)).containsExactly(1.0, 0.5);
        assertThat(x.itemsOf(1)).containsExactly(0, 4);
        assertThat(x.valuesOf(1)).containsExactly(2.0, 3.0);
        assertThat(x.itemsOf(2)).isEmpty();
        assertThat(x.itemCounts()).containsExactly(1, 1, 1, 0, 1);
    }

    @Test
    void transposeSwapsUsersAndItems() {
        InteractionMatrix x = InteractionMatrix.builder(3, 2)
                .add(2, 0, 1).add(0, 0, 2).add(1, 1, 3).build();
        InteractionMatrix t = x.transpose();
        assertThat(t.users()).isEqualTo(2);
        assertThat(t.items()).isEqualTo(3);
        assertThat(t.itemsOf(0)).containsExactly(0, 2);
        assertThat(t.valuesOf(0)).containsExactly(2.0, 1.0);
        assertThat(t.itemsOf(1)).containsExactly(1);
    }

    @Test
    void cellsOutsideTheShapeAreRejected() {
        assertThatThrownBy(() -> InteractionMatrix.builder(2, 2).add(2, 0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
